package paperboy.render.view;

/** A link to a day, with its labels and counts. */
public record DayRef(String iso, String label, String shortLabel, String href, int count, int newCount) {}
