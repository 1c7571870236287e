package paperboy.parse;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.config.ConfigLoader;
import paperboy.model.SourceRef;
import paperboy.problems.Problems;

/**
 * Listing dates that come from outside a file's text: its name ("2025-03-14.json", "hf-2025-03-14.html"); and the
 * years every listing date must fall in.
 */
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

    /**
     * {@code date} if its year is one paperboy.yml's {@code year} may take (1900 to 2999), else an error at
     * {@code at}: a day in year 0 or 999,999,999 is a typo or an attack, and would make week folders such as
     * {@code weeks/-1-W52/} and feed dates past what Java's dates can hold.
     *
     * @param written the date as the input wrote it, for the message
     */
    static Optional<LocalDate> inYears(LocalDate date, String written, SourceRef at, Problems problems) {
        if (date.getYear() >= ConfigLoader.MIN_YEAR && date.getYear() <= ConfigLoader.MAX_YEAR) return Optional.of(date);
        problems.error(at, written + " is out of range; a listing's year must be from " + ConfigLoader.MIN_YEAR
                + " to " + ConfigLoader.MAX_YEAR);
        return Optional.empty();
    }
}
