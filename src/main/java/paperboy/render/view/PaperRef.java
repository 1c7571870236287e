package paperboy.render.view;

/** A link to a paper page, with the day it was first seen. */
public record PaperRef(String title, String href, DayRef firstSeen) {}
