package paperboy.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paperboy.model.Day;

/**
 * A week (ISO 8601: Monday to Sunday, {@code 2025-W07}) or a calendar month ({@code 2025-02}) of the digest, with
 * the days in it that have listings.
 *
 * @param key   {@code 2025-W07} or {@code 2025-02}, also its folder under {@code weeks/} or {@code months/}
 * @param start first calendar day of the period
 * @param end   last calendar day of the period
 * @param days  the digest's days inside it, ascending (in a scoped render, each read only when asked for)
 * @param dates the dates of those days: what most of a period's uses need, without reading a day
 */
public record Period(Kind kind, String key, LocalDate start, LocalDate end, List<Day> days, List<LocalDate> dates) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    public enum Kind {
        WEEK("weeks"), MONTH("months");

        public final String folder;

        Kind(String folder) {
            this.folder = folder;
        }
    }

    public Period {
        days = days instanceof ArchiveDays.Span ? days : List.copyOf(days);
        dates = List.copyOf(dates);
    }

    public Period(Kind kind, String key, LocalDate start, LocalDate end, List<Day> days) {
        this(kind, key, start, end, days, days.stream().map(Day::date).toList());
    }

    /** The first date of the period with listings. */
    public LocalDate firstDay() {
        return dates.get(0);
    }

    /** The latest date of the period with listings. */
    public LocalDate lastDay() {
        return dates.get(dates.size() - 1);
    }

    /** The site path of its page. */
    public String path() {
        return kind.folder + "/" + key + "/index.html";
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(start) && !d.isAfter(end);
    }

    /** "Week 7, 2025 (Feb 10 – Feb 16)" or "February 2025". */
    public String label() {
        if (kind == Kind.MONTH) return MONTH.format(start);
        return "Week " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + start.get(IsoFields.WEEK_BASED_YEAR)
                + " (" + DAY.format(start) + " – " + DAY.format(end) + ")";
    }

    /** The short label for navigation: "Week 7, 2025" or "February 2025". */
    public String shortLabel() {
        if (kind == Kind.MONTH) return MONTH.format(start);
        return "Week " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + start.get(IsoFields.WEEK_BASED_YEAR);
    }

    public static String weekKey(LocalDate d) {
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static String monthKey(LocalDate d) {
        return String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
    }

    /** Every week of the digest with at least one day of listings, ascending; no day read. */
    public static List<Period> weeks(ArchiveDays days) {
        return periods(days, Kind.WEEK);
    }

    /** Every month of the digest with at least one day of listings, ascending; no day read. */
    public static List<Period> months(ArchiveDays days) {
        return periods(days, Kind.MONTH);
    }

    private static List<Period> periods(ArchiveDays days, Kind kind) {
        List<Period> out = new ArrayList<>();
        int from = 0;
        String key = days.size() == 0 ? "" : key(kind, days.date(0));
        for (int i = 1; i <= days.size(); i++) {
            String next = i < days.size() ? key(kind, days.date(i)) : null;
            if (key.equals(next)) continue;
            LocalDate first = days.date(from);
            LocalDate start = kind == Kind.WEEK ? first.with(java.time.DayOfWeek.MONDAY) : first.withDayOfMonth(1);
            LocalDate end = kind == Kind.WEEK ? start.plusDays(6) : start.with(TemporalAdjusters.lastDayOfMonth());
            out.add(new Period(kind, key, start, end, days.span(from, i), days.dates().subList(from, i)));
            from = i;
            key = next;
        }
        return out;
    }

    private static String key(Kind kind, LocalDate d) {
        return kind == Kind.WEEK ? weekKey(d) : monthKey(d);
    }

    /** Every week of the digest with at least one day of listings, ascending. */
    public static List<Period> weeks(List<Day> days) {
        Map<String, List<Day>> byKey = new LinkedHashMap<>();
        for (Day d : days) byKey.computeIfAbsent(weekKey(d.date()), k -> new ArrayList<>()).add(d);
        return byKey.entrySet().stream().map(e -> {
            LocalDate monday = e.getValue().get(0).date().with(java.time.DayOfWeek.MONDAY);
            return new Period(Kind.WEEK, e.getKey(), monday, monday.plusDays(6), e.getValue());
        }).toList();
    }

    /** Every month of the digest with at least one day of listings, ascending. */
    public static List<Period> months(List<Day> days) {
        Map<String, List<Day>> byKey = new LinkedHashMap<>();
        for (Day d : days) byKey.computeIfAbsent(monthKey(d.date()), k -> new ArrayList<>()).add(d);
        return byKey.entrySet().stream().map(e -> {
            LocalDate first = e.getValue().get(0).date().withDayOfMonth(1);
            return new Period(Kind.MONTH, e.getKey(), first, first.with(TemporalAdjusters.lastDayOfMonth()), e.getValue());
        }).toList();
    }
}
