package paperboy.render.view;

import java.util.List;

/**
 * A day page, also the body of the home page. {@code previous} and {@code next} are null at the ends.
 *
 * @param noteHtml the editor's note on the day (rendered, sanitized Markdown), or null
 * @param sections the same listings grouped by primary theme; empty when themes are off
 */
public record DayPage(PageMeta meta, DayRef day, List<ListingView> listings, int newCount, int seenCount,
                      DayRef previous, DayRef next, String noteHtml, List<DaySection> sections) {}
