package paperboy.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One day of the digest: every listing in order, merged from all snapshots of that day.
 *
 * @param sources the input files (snapshots) this day was read from, in the order they were merged
 */
public record Day(LocalDate date, List<Listing> listings, List<Path> sources) {

    public Day {
        listings = List.copyOf(listings);
        sources = List.copyOf(sources);
    }

    public long newCount() {
        return listings.stream().filter(Listing::isNew).count();
    }

    public long seenBeforeCount() {
        return listings.size() - newCount();
    }
}
