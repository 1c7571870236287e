package paperboy.render.view;

import java.util.List;

/**
 * A weekly or monthly digest: the papers first seen in the period, grouped by primary theme, each with how many
 * of the period's days listed it and its upvotes where the inputs carry them, ranked by
 * {@link paperboy.render.PeriodRanking}: most upvotes first, else most days listed.
 *
 * @param kind      "week" or "month"
 * @param key       "2025-W07" or "2025-02"
 * @param days      the period's days with listings, ascending
 * @param sections  the new papers by primary theme, biggest first, "Other" last; one unnamed section without themes
 * @param previous  the period before that has listings, or null; likewise {@code next}
 * @param related   for a month, its weeks; for a week, its month(s)
 * @param feeds     the weekly digest's feeds (on week pages, with a base URL); empty otherwise
 * @param emailHref the weekly e-mail edition (week pages, with a base URL), or null
 * @param rankedByUpvotes true when some of the period's papers carry upvotes, which then lead the ranking
 */
public record PeriodPage(PageMeta meta, String kind, String key, String label, int dayCount, int listingCount,
                         int newCount, List<DayRef> days, List<PeriodSection> sections, PeriodRef previous,
                         PeriodRef next, List<PeriodRef> related, List<FeedLink> feeds, String emailHref,
                         boolean rankedByUpvotes) {

    /** The period's new papers with a primary theme, or all of them. */
    public record PeriodSection(String name, String href, List<PeriodPaper> papers) {}

    /**
     * @param daysListed on how many of the period's days it was listed
     * @param totalDays  on how many days of the whole archive
     * @param upvotes    the paper's upvotes (its latest count), or null where the inputs carry none
     */
    public record PeriodPaper(String slug, String title, String href, String snippet, DayRef firstSeen, int daysListed,
                              int totalDays, List<PaperLink> links, Integer upvotes) {}

    public record PeriodRef(String key, String label, String href) {}
}
