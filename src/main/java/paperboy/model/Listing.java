package paperboy.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One appearance of a paper on one day's listing.
 *
 * @param paperSlug   the paper listed
 * @param date        the day
 * @param position    1-based place in that day's listing
 * @param earlierDays days before this one on which the paper was listed; empty means "new today"
 * @param source      where the listing was read
 */
public record Listing(String paperSlug, LocalDate date, int position, List<LocalDate> earlierDays, SourceRef source) {

    public Listing {
        earlierDays = List.copyOf(earlierDays);
    }

    public boolean isNew() {
        return earlierDays.isEmpty();
    }
}
