package paperboy.parse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** One input file: one snapshot of one day's listing. */
public record Snapshot(Path file, LocalDate date, List<RawEntry> entries) {
    public Snapshot {
        entries = List.copyOf(entries);
    }
}
