package paperboy.render.view;

import java.util.List;

/**
 * A day page, also the body of the home page. {@code previous} and {@code next} are null at the ends.
 * {@code sections} groups the same listings by primary theme; empty when themes are off.
 */
public record DayPage(PageMeta meta, DayRef day, List<ListingView> listings, int newCount, int seenCount,
                      DayRef previous, DayRef next, List<DaySection> sections) {}
