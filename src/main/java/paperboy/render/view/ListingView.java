package paperboy.render.view;

import java.util.List;

/**
 * One listing on a day page or the home page.
 *
 * @param anchor       id of the listing on the day page, so cross-links land on it
 * @param abstractText cleaned abstract, empty when the input had none
 * @param earlierDays  days it was listed before; empty means new today
 */
public record ListingView(int position, String anchor, String title, String href, String abstractText,
                          boolean newToday, List<DayRef> earlierDays, List<ThemeRef> themes) {}
