package paperboy.render.view;

import java.util.List;

/**
 * The archive's index: every year, newest first, with its months and counts, and the latest month's calendar
 * (null without days).
 */
public record ArchivePage(PageMeta meta, List<Year> years, Month latest, int dayCount, int listingCount,
                          int paperCount) {

    /** A year of the archive and its months, newest first, linking to the year's page. */
    public record Year(String label, String href, int dayCount, int listingCount, List<MonthLink> months) {}

    /** A month on the index: a link to its calendar on the year's page. */
    public record MonthLink(String label, String href, int dayCount, int listingCount) {}

    /**
     * @param id    {@code YYYY-MM}, the month's anchor on its year's page
     * @param weeks the month as a calendar, Monday first; see {@link CalendarCell}
     */
    public record Month(String id, String label, List<DayRef> days, int listingCount, List<List<CalendarCell>> weeks) {}
}
