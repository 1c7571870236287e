package paperboy.render.view;

import java.util.List;

/** Every day, grouped by month, newest month first. */
public record ArchivePage(PageMeta meta, List<Month> months, int dayCount, int listingCount, int paperCount) {

    /** @param weeks the month as a calendar, Monday first; see {@link CalendarCell} */
    public record Month(String label, List<DayRef> days, int listingCount, List<List<CalendarCell>> weeks) {}
}
