package paperboy.render.view;

import java.util.List;

/**
 * A day page, also the body of the home page. {@code previous} and {@code next} are null at the ends.
 *
 * @param noteHtml    the editor's note on the day (rendered, sanitized Markdown), or null
 * @param noteTitle   the note's own heading (front matter {@code title}), or null
 * @param sections    the same listings grouped by primary theme, new papers first in each; empty when themes are off
 * @param lastNewDay  on a day with nothing new, the latest earlier day that had new papers; otherwise null
 * @param feeds       the site's feeds, to follow; empty without a base URL
 */
public record DayPage(PageMeta meta, DayRef day, List<ListingView> listings, int newCount, int seenCount,
                      DayRef previous, DayRef next, String noteHtml, String noteTitle, List<DaySection> sections,
                      DayRef lastNewDay, List<FeedLink> feeds) {

    public boolean allRepeats() {
        return newCount == 0 && seenCount > 0;
    }
}
