package paperboy.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The human voice of the digest: pages, notes on days and notes on papers. Sorted maps so every renderer sees
 * them in the same order.
 *
 * @param pages      site pages, by slug
 * @param dayNotes   notes by day
 * @param paperNotes notes by paper slug
 */
public record Editorial(List<SitePage> pages, SortedMap<LocalDate, Note> dayNotes, SortedMap<String, Note> paperNotes) {

    public Editorial {
        pages = List.copyOf(pages);
        dayNotes = Collections.unmodifiableSortedMap(new TreeMap<>(dayNotes));
        paperNotes = Collections.unmodifiableSortedMap(new TreeMap<>(paperNotes));
    }

    public static Editorial empty() {
        return new Editorial(List.of(), new TreeMap<>(), new TreeMap<>());
    }

    public Optional<Note> dayNote(LocalDate date) {
        return Optional.ofNullable(dayNotes.get(date));
    }

    public Optional<Note> paperNote(String paperSlug) {
        return Optional.ofNullable(paperNotes.get(paperSlug));
    }
}
