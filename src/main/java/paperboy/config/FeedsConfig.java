package paperboy.config;

import java.time.LocalTime;

/**
 * The {@code feeds:} section of paperboy.yml.
 *
 * @param maxItems  most items in one feed, newest first
 * @param timeOfDay the time of day (in the site's time zone) an item is stamped with on the date of its listing;
 *                  default 06:00, when a morning digest goes out
 */
public record FeedsConfig(Integer maxItems, LocalTime timeOfDay) {
    public static final LocalTime DEFAULT_TIME_OF_DAY = LocalTime.of(6, 0);

    public FeedsConfig(Integer maxItems) {
        this(maxItems, null);
    }

    public static FeedsConfig defaults() {
        return new FeedsConfig(200, DEFAULT_TIME_OF_DAY);
    }

    public FeedsConfig orDefaults() {
        return new FeedsConfig(maxItems != null ? maxItems : defaults().maxItems,
                timeOfDay != null ? timeOfDay : DEFAULT_TIME_OF_DAY);
    }

    /** The time of day items are stamped with, the default when none was set. */
    public LocalTime itemTime() {
        return timeOfDay != null ? timeOfDay : DEFAULT_TIME_OF_DAY;
    }
}
