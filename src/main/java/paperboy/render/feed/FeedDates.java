package paperboy.render.feed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Feed dates: an item is published on its first-seen day at the configured time of day ({@code feeds:
 * timeOfDay}) in the configured zone, so the same input always gives the same dates (no build clock).
 */
public final class FeedDates {
    /** RFC 822 (as RSS 2.0 wants it) with a numeric offset, e.g. {@code Fri, 14 Mar 2025 00:00:00 +0000}. */
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH);
    /** RFC 3339 with seconds always present, e.g. {@code 2025-03-14T00:00:00Z} or {@code ...T00:00:00+01:00}. */
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private final ZoneId zone;
    private final java.time.LocalTime time;

    /** At midnight (the e-mail editions' Date header). */
    public FeedDates(ZoneId zone) {
        this(zone, java.time.LocalTime.MIDNIGHT);
    }

    public FeedDates(ZoneId zone, java.time.LocalTime time) {
        this.zone = zone;
        this.time = time;
    }

    public ZonedDateTime midnight(LocalDate day) {
        return day.atTime(time).atZone(zone);
    }

    public String rfc822(LocalDate day) {
        return RFC_822.format(midnight(day));
    }

    public String rfc3339(LocalDate day) {
        return RFC_3339.format(midnight(day));
    }
}
