package paperboy.parse;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Listing dates that come from outside a file's text: its name ("2025-03-14.json", "hf-2025-03-14.html"). */
final class ListingDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private ListingDates() {}

    static Optional<LocalDate> fromFileName(Path file) {
        return firstIso(file.getFileName().toString());
    }

    /** The first ISO date in {@code text}, when it is a real date. */
    static Optional<LocalDate> firstIso(String text) {
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                // not a date after all ("2025-13-40"): look further
            }
        }
        return Optional.empty();
    }
}
