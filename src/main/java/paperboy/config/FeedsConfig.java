package paperboy.config;

import java.time.LocalTime;

/**
 * The {@code feeds:} section of paperboy.yml.
 *
 * @param maxItems    most items in the site's feed, newest first
 * @param themeItems  most items in a theme's feed: a theme's feed is rewritten whenever the theme gains a paper, so
 *                    it holds fewer (at ten years, 200 items in 3 formats over 10 themes were 18 MB a day)
 * @param weeklyItems most weeks in the weekly feed: each item is a whole week's digest (200 of them were 40 MB)
 * @param timeOfDay the time of day (in the site's time zone) an item is stamped with on the date of its listing;
 *                  default 06:00, when a morning digest goes out
 */
public record FeedsConfig(Integer maxItems, Integer themeItems, Integer weeklyItems, LocalTime timeOfDay) {
    public static final LocalTime DEFAULT_TIME_OF_DAY = LocalTime.of(6, 0);

    public FeedsConfig(Integer maxItems) {
        this(maxItems, null, null, null);
    }

    public static FeedsConfig defaults() {
        return new FeedsConfig(200, 50, 12, DEFAULT_TIME_OF_DAY);
    }

    public FeedsConfig orDefaults() {
        FeedsConfig d = defaults();
        int max = maxItems != null ? maxItems : d.maxItems;
        // maxItems caps every feed; the theme and weekly feeds hold fewer unless told otherwise.
        return new FeedsConfig(max, themeItems != null ? themeItems : Math.min(max, d.themeItems),
                weeklyItems != null ? weeklyItems : Math.min(max, d.weeklyItems),
                timeOfDay != null ? timeOfDay : DEFAULT_TIME_OF_DAY);
    }

    /** The time of day items are stamped with, the default when none was set. */
    public LocalTime itemTime() {
        return timeOfDay != null ? timeOfDay : DEFAULT_TIME_OF_DAY;
    }
}
