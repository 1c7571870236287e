package paperboy.render.site;

import paperboy.render.SitePaths;

import paperboy.render.site.Views;
import paperboy.render.site.CalendarMonths;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.render.view.ArchivePage;
import paperboy.render.view.ArchiveYearPage;
import paperboy.render.view.DayRef;
import paperboy.render.view.PageMeta;

/**
 * The archive at any size: {@code archive/index.html} lists the years and their months with counts (and shows
 * the latest month's calendar), {@code archive/YYYY/index.html} has that year's months as calendars. A new day
 * changes the index and its own year's page only.
 */
final class ArchivePages {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_ONLY = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);

    private final Digest digest;
    private final Views views;
    private final String title;

    ArchivePages(Digest digest, Views views, String siteTitle) {
        this.digest = digest;
        this.views = views;
        this.title = siteTitle;
    }

    static String yearPath(int year) {
        return "archive/" + year + "/index.html";
    }

    /** The years with listings, ascending. */
    List<Integer> years() {
        return List.copyOf(byYear().keySet());
    }

    private TreeMap<Integer, TreeMap<YearMonth, List<LocalDate>>> byYear() {
        TreeMap<Integer, TreeMap<YearMonth, List<LocalDate>>> years = new TreeMap<>();
        for (LocalDate d : views.days().dates()) {
            years.computeIfAbsent(d.getYear(), y -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(d), m -> new ArrayList<>()).add(d);
        }
        return years;
    }

    ArchivePage index() {
        PageMeta meta = views.meta(SitePaths.ARCHIVE, "Archive", "Every day of " + title + ", by year and month.");
        String root = meta.root();
        List<ArchivePage.Year> years = new ArrayList<>();
        ArchivePage.Month latest = null;
        for (var y : byYear().descendingMap().entrySet()) {
            List<ArchivePage.MonthLink> months = new ArrayList<>();
            int yearDays = 0, yearListings = 0;
            for (var m : y.getValue().descendingMap().entrySet()) {
                int listings = 0;
                for (LocalDate d : m.getValue()) listings += views.days().listings(views.days().indexOf(d).getAsInt());
                months.add(new ArchivePage.MonthLink(MONTH_ONLY.format(m.getKey()),
                        root + yearPath(y.getKey()) + "#" + m.getKey(), m.getValue().size(), listings));
                yearDays += m.getValue().size();
                yearListings += listings;
                if (latest == null) latest = month(m.getKey(), m.getValue(), root);
            }
            years.add(new ArchivePage.Year(String.valueOf(y.getKey()), root + yearPath(y.getKey()), yearDays,
                    yearListings, months));
        }
        return new ArchivePage(meta, years, latest, digest.days().size(), digest.listingCount(), digest.papers().size());
    }

    ArchiveYearPage year(int year) {
        TreeMap<Integer, TreeMap<YearMonth, List<LocalDate>>> all = byYear();
        Map<YearMonth, List<LocalDate>> months = all.get(year);
        String path = yearPath(year);
        PageMeta meta = views.meta(path, "Archive: " + year, "Every day of " + title + " in " + year + ".");
        String root = meta.root();
        List<ArchivePage.Month> out = new ArrayList<>();
        int days = 0, listings = 0;
        for (var m : ((TreeMap<YearMonth, List<LocalDate>>) months).descendingMap().entrySet()) {
            ArchivePage.Month month = month(m.getKey(), m.getValue(), root);
            out.add(month);
            days += month.days().size();
            listings += month.listingCount();
        }
        Integer newer = all.higherKey(year), older = all.lowerKey(year);
        return new ArchiveYearPage(meta, String.valueOf(year), out, days, listings,
                newer == null ? null : root + yearPath(newer), newer == null ? null : String.valueOf(newer),
                older == null ? null : root + yearPath(older), older == null ? null : String.valueOf(older),
                root + SitePaths.ARCHIVE);
    }

    /** One month, newest day first, with its calendar. */
    private ArchivePage.Month month(YearMonth month, List<LocalDate> dates, String root) {
        List<DayRef> days = new ArrayList<>();
        for (int i = dates.size() - 1; i >= 0; i--) days.add(views.dayRef(dates.get(i), root));
        return new ArchivePage.Month(month.toString(), MONTH.format(month), days,
                days.stream().mapToInt(DayRef::count).sum(), CalendarMonths.weeks(days));
    }
}
