package paperboy.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the date line of a listing: {@code Mar 13}, {@code Mar 16, 2025}, {@code March 16 2025},
 * {@code 16 Mar 2025} or ISO {@code 2025-03-16}.
 *
 * <p>A line is "date-shaped" when it looks like one of those forms; a date-shaped line that names no real
 * day ({@code Feb 30}) is an error, not a title.
 */
public final class DateLine {
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern MONTH_FIRST =
            Pattern.compile("(?i)" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?");
    private static final Pattern DAY_FIRST =
            Pattern.compile("(?i)(\\d{1,2})\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /** A parsed date line: the day, and the year when the line gave one. */
    public record Parsed(int month, int dayOfMonth, OptionalInt year) {
        public LocalDate withYear(int fallbackYear) {
            return LocalDate.of(year.orElse(fallbackYear), month, dayOfMonth);
        }
    }

    /** What a line is, as far as dates go. */
    public sealed interface Result permits Valid, Invalid, NotADate {}

    public record Valid(Parsed date) implements Result {}

    public record Invalid(String reason) implements Result {}

    public record NotADate() implements Result {}

    private DateLine() {}

    public static Result classify(String line) {
        String s = line.strip();
        Matcher m;
        if ((m = ISO.matcher(s)).matches()) {
            return check(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    OptionalInt.of(Integer.parseInt(m.group(1))), s);
        }
        if ((m = MONTH_FIRST.matcher(s)).matches()) {
            return check(month(m.group(1)), Integer.parseInt(m.group(2)), year(m.group(3)), s);
        }
        if ((m = DAY_FIRST.matcher(s)).matches()) {
            return check(month(m.group(2)), Integer.parseInt(m.group(1)), year(m.group(3)), s);
        }
        return new NotADate();
    }

    private static Result check(int month, int day, OptionalInt year, String text) {
        try {
            if (month < 1 || month > 12) return new Invalid('"' + text + "\" is not a date (no month " + month + ")");
            if (year.isPresent()) {
                LocalDate.of(year.getAsInt(), month, day);
            } else {
                MonthDay.of(month, day); // Feb 29 is fine without a year; the year check comes later
            }
            return new Valid(new Parsed(month, day, year));
        } catch (DateTimeException e) {
            return new Invalid('"' + text + "\" is not a date");
        }
    }

    private static OptionalInt year(String g) {
        return g == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(g));
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(key)) return m.getValue();
        }
        throw new IllegalArgumentException(name); // unreachable: the pattern only admits month names
    }
}
