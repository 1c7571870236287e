package paperboy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * One appearance of a paper on one day's listing.
 *
 * @param paperSlug   the paper listed
 * @param date        the day
 * @param position    1-based place in that day's listing
 * @param earlierDays days before this one on which the paper was listed; empty means "new today"
 * @param source      where the listing was read
 * @param upvotes     the paper's popularity on that day's listing where the input gave it (the highest, when two
 *                    files of the day list it)
 */
public record Listing(String paperSlug, LocalDate date, int position, List<LocalDate> earlierDays, SourceRef source,
                      OptionalInt upvotes) {

    public Listing {
        earlierDays = List.copyOf(earlierDays);
    }

    /** A listing from an input that carries no popularity. */
    public Listing(String paperSlug, LocalDate date, int position, List<LocalDate> earlierDays, SourceRef source) {
        this(paperSlug, date, position, earlierDays, source, OptionalInt.empty());
    }

    public boolean isNew() {
        return earlierDays.isEmpty();
    }
}
