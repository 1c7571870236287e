package paperboy.render.view;

import java.util.List;

/** A day page, also the body of the home page. {@code previous} and {@code next} are null at the ends. */
public record DayPage(PageMeta meta, DayRef day, List<ListingView> listings, int newCount, int seenCount,
                      DayRef previous, DayRef next) {}
