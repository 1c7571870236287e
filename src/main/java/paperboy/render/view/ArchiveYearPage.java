package paperboy.render.view;

import java.util.List;

/**
 * One year of the archive: its months as calendars, newest first.
 *
 * @param newer link to the next year's page (null for the latest), {@code newerLabel} its year
 * @param older link to the year before (null for the first), {@code olderLabel} its year
 */
public record ArchiveYearPage(PageMeta meta, String year, List<ArchivePage.Month> months, int dayCount,
                              int listingCount, String newer, String newerLabel, String older, String olderLabel,
                              String archiveHref) {}
