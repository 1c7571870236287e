package paperboy.render.view;

import java.util.List;

/**
 * A day page, also the body of the home page. {@code previous} and {@code next} are null at the ends.
 *
 * @param noteHtml the editor's note on the day (rendered, sanitized Markdown), or null
 */
public record DayPage(PageMeta meta, DayRef day, List<ListingView> listings, int newCount, int seenCount,
                      DayRef previous, DayRef next, String noteHtml) {

    public DayPage(PageMeta meta, DayRef day, List<ListingView> listings, int newCount, int seenCount,
                   DayRef previous, DayRef next) {
        this(meta, day, listings, newCount, seenCount, previous, next, null);
    }
}
