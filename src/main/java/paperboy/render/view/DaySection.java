package paperboy.render.view;

import java.util.List;

/**
 * The listings of one day that share a primary theme, shown as one section of the day page.
 *
 * @param anchor id of the section on the page ({@code theme-<slug>}), for the theme index at the top
 * @param href   the theme's own page
 * @param feedHref the theme's RSS feed, or null when feeds are not built (no base URL)
 */
public record DaySection(String slug, String name, String anchor, String href, List<ListingView> listings,
                         String feedHref) {

    /** How many of the section's papers are new today (0: every one was listed before, hidden with "hide seen"). */
    public int newCount() {
        return (int) listings.stream().filter(ListingView::newToday).count();
    }
}
