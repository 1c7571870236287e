package paperboy.render.site;

import paperboy.render.ArchiveDays;
import paperboy.render.Output;
import paperboy.render.Period;
import paperboy.render.RenderContext;
import paperboy.render.Scope;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * Files for search engines: {@code robots.txt} always; with a base URL (a sitemap lists absolute URLs)
 * {@code sitemap.xml}, a sitemap index over {@code sitemaps/*.xml}: {@code sitemaps/site.xml} for the pages
 * a new day changes (home, archive and its years, themes), and per month {@code sitemaps/YYYY-MM.xml} with that
 * month's days, the week and month digests that begin in it and the papers first seen in it, so a new day rewrites
 * its month's file (and those of the months its re-listed papers were listed in), not a year of URLs (1.9 MB at
 * 50 papers a day). No file lists more than {@value #MAX_URLS} URLs (the protocol's limit); a month with more goes
 * on in {@code YYYY-MM.2.xml} and so on (not {@code YYYY-MM-2}, which reads as a date).
 * Every {@code lastmod} is a date from the data (the latest day that changed the page), never the build time,
 * so the output stays byte-identical for the same input.
 */
public final class DiscoveryFiles implements Renderer {
    public static final String ROBOTS = "robots.txt";
    public static final String SITEMAP = "sitemap.xml";
    public static final int MAX_URLS = 50_000;

    private final int maxUrls;

    public DiscoveryFiles() {
        this(MAX_URLS);
    }

    /** @param maxUrls the most URLs one sitemap file lists (lower in tests) */
    DiscoveryFiles(int maxUrls) {
        if (maxUrls < 1) throw new IllegalArgumentException("maxUrls must be positive");
        this.maxUrls = maxUrls;
    }

    @Override
    public String name() {
        return "discovery";
    }

    /** One page of the sitemap: its path and the latest day that changed it. */
    record Entry(String path, LocalDate lastmod) {}

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        Optional<URI> base = ctx.config().baseUrl();
        List<Output> out = new ArrayList<>();
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        base.ifPresent(b -> robots.append("\nSitemap: ").append(b.resolve(SITEMAP)).append('\n'));
        out.add(Output.text(ROBOTS, robots.toString(), name()));
        base.ifPresent(b -> {
            Scope scope = ctx.scope();
            List<Paper> order = ctx.inFirstSeenOrder(digest);
            // A scoped build lists the months it does not reach as the kept index does; without it, every month.
            Optional<Map<String, List<String>>> kept = scope.everything() ? Optional.of(Map.of()) : keptIndex(scope);
            // And it updates the files it writes from the kept ones, reading only the days and papers in scope.
            Optional<Map<String, List<Entry>>> updated = kept.isPresent() && !scope.everything()
                    ? new KeptSitemaps(digest, ctx.days(digest), order, scope, b).groups() : Optional.empty();
            // Without a kept index it can read, every month's file is made and written, as the new index names them all.
            Scope written = kept.isPresent() ? scope : Scope.all();
            out.addAll(sitemaps(updated.orElseGet(() -> groups(digest, order, written)), b, written, kept.orElse(Map.of())));
        });
        return out;
    }

    /** Every page a reader may land on, by sitemap file name (without ".xml"), in a fixed order. */
    static Map<String, List<Entry>> groups(Digest digest) {
        return groups(digest, digest.firstSeenOrder(), Scope.all());
    }

    /**
     * As {@link #groups(Digest)}, but of the months only those {@code scope} reaches: the site's group and those
     * months' files are all a scoped build writes.
     *
     * @param order the papers by day first seen ({@link Digest#firstSeenOrder})
     */
    static Map<String, List<Entry>> groups(Digest digest, List<Paper> order, Scope scope) {
        // Asked per day, period and paper: a scope's answer per month is found once.
        Map<YearMonth, Boolean> months = new java.util.HashMap<>();
        java.util.function.Predicate<LocalDate> inScope = d -> months.computeIfAbsent(YearMonth.from(d), scope::month);
        Map<String, List<Entry>> groups = new TreeMap<>();
        LocalDate latest = digest.latestDay().map(Day::date).orElse(LocalDate.EPOCH);
        List<Entry> site = new ArrayList<>();
        site.add(new Entry(SitePaths.HOME, latest));
        site.add(new Entry(SitePaths.ARCHIVE, latest));
        site.addAll(yearPages(digest.days().stream().map(Day::date).toList()));
        if (!digest.themes().isEmpty()) site.add(new Entry(SitePaths.THEMES, latest));
        // A theme's page changes with the latest day any of its papers was listed: one pass over the papers.
        Map<String, LocalDate> themeChanged = new java.util.HashMap<>();
        for (Paper p : order) {
            for (String t : p.themes()) themeChanged.merge(t, p.lastSeen(), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (Theme t : digest.themes()) {
            site.add(new Entry(SitePaths.theme(t.slug()), themeChanged.getOrDefault(t.slug(), LocalDate.EPOCH)));
        }
        groups.put("site", site);
        for (Day d : digest.days()) {
            if (!inScope.test(d.date())) continue;
            // A day page shows, for every paper, the other days it was listed on.
            LocalDate changed = d.date();
            for (Listing l : d.listings()) {
                Paper p = digest.papersBySlug().get(l.paperSlug());
                if (p != null && p.lastSeen().isAfter(changed)) changed = p.lastSeen();
            }
            groups.computeIfAbsent(group(d.date()), k -> new ArrayList<>()).add(new Entry(SitePaths.day(d.date()), changed));
        }
        // Week and month digests, filed under the month of their first day: they change with their days.
        for (List<Period> periods : List.of(Period.weeks(digest.days()), Period.months(digest.days()))) {
            for (Period p : periods) {
                if (!inScope.test(p.firstDay())) continue;
                groups.computeIfAbsent(group(p.firstDay()), k -> new ArrayList<>()).add(new Entry(p.path(), p.lastDay()));
            }
        }
        for (Paper p : order) {
            if (!inScope.test(p.firstSeen())) continue;
            groups.computeIfAbsent(group(p.firstSeen()), k -> new ArrayList<>())
                    .add(new Entry(SitePaths.paper(p.slug()), p.lastSeen()));
        }
        return groups;
    }

    /** The file of a group's {@code part}th run of URLs (from 1): {@code sitemaps/GROUP.xml}, then {@code GROUP.2.xml}... */
    private static String partPath(String group, int part) {
        return "sitemaps/" + group + (part == 1 ? "" : "." + part) + ".xml";
    }

    /** The sitemap file (without ".xml") a day's page, a period beginning on it or a paper first seen on it is in. */
    private static String group(LocalDate d) {
        return YearMonth.from(d).toString();
    }

    /**
     * The archive's year pages, from the days ascending: each changed by its last day, and then by the next year's
     * first day, which gives it a link to that year.
     */
    private static List<Entry> yearPages(List<LocalDate> days) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            if (i + 1 == days.size() || days.get(i + 1).getYear() != days.get(i).getYear()) {
                out.add(new Entry(ArchivePages.yearPath(days.get(i).getYear()), days.get(i + 1 == days.size() ? i : i + 1)));
            }
        }
        return out;
    }

    /** The index and the sitemap files, each group cut into files of at most {@code maxUrls} URLs. */
    List<Output> sitemaps(Map<String, List<Entry>> groups, URI base) {
        return sitemaps(groups, base, Scope.all(), Map.of());
    }

    /**
     * As {@link #sitemaps(Map, URI)}, writing only the index, the site's file and the files of months in scope.
     *
     * @param kept the index's lines of the groups not in {@code groups}, as the kept index has them
     */
    List<Output> sitemaps(Map<String, List<Entry>> groups, URI base, Scope scope, Map<String, List<String>> kept) {
        List<Output> out = new ArrayList<>();
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        TreeMap<String, List<Entry>> all = new TreeMap<>(groups);
        kept.keySet().forEach(k -> all.putIfAbsent(k, null));
        for (var g : all.entrySet()) {
            if (g.getValue() == null) {
                kept.get(g.getKey()).forEach(line -> index.append(line).append('\n'));
                continue;
            }
            List<List<Entry>> parts = split(g.getValue(), maxUrls);
            for (int i = 0; i < parts.size(); i++) {
                String path = partPath(g.getKey(), i + 1);
                LocalDate newest = LocalDate.EPOCH;
                for (Entry e : parts.get(i)) if (e.lastmod().isAfter(newest)) newest = e.lastmod();
                // A month's file is written when the scope reaches that month; the index names every file.
                if (g.getKey().equals("site") || scope.month(YearMonth.parse(g.getKey()))) {
                    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                            .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                    for (Entry e : parts.get(i)) {
                        String p = e.path();
                        String dir = p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p;
                        xml.append("  <url><loc>").append(escape(base.resolve(dir).toString())).append("</loc>");
                        if (!e.lastmod().equals(LocalDate.EPOCH)) xml.append("<lastmod>").append(e.lastmod()).append("</lastmod>");
                        xml.append("</url>\n");
                    }
                    out.add(Output.text(path, xml.append("</urlset>\n").toString(), name()));
                }
                index.append("  <sitemap><loc>").append(escape(base.resolve(path).toString())).append("</loc>");
                if (!newest.equals(LocalDate.EPOCH)) index.append("<lastmod>").append(newest).append("</lastmod>");
                index.append("</sitemap>\n");
            }
        }
        out.add(Output.text(SITEMAP, index.append("</sitemapindex>\n").toString(), name()));
        return out;
    }

    private static final java.util.regex.Pattern INDEX_LINE = java.util.regex.Pattern.compile(
            "  <sitemap><loc>.*/sitemaps/(\\d{4}-\\d{2}|site)(?:\\.\\d+)?\\.xml</loc>.*</sitemap>");

    /**
     * The kept index's lines of the months out of {@code scope}, by month; empty when there is no kept index to
     * read, or it names a file this class does not write (the build then lists every month itself).
     */
    private static Optional<Map<String, List<String>>> keptIndex(Scope scope) {
        return scope.kept().read(SITEMAP).flatMap(bytes -> {
            Map<String, List<String>> lines = new TreeMap<>();
            for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("  <sitemap>")) continue;
                java.util.regex.Matcher m = INDEX_LINE.matcher(line);
                if (!m.matches()) return Optional.empty();
                if (!m.group(1).equals("site") && !scope.month(YearMonth.parse(m.group(1)))) {
                    lines.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(line);
                }
            }
            return Optional.of(lines);
        });
    }

    /**
     * The groups a scoped build writes (the site's and the months' in scope), as {@link #groups} makes them, from the
     * kept sitemap files: the only dates that change are those of the pages of the papers in scope (and of the days
     * and themes that list them), and the new days and papers come last in their month.
     */
    private static final class KeptSitemaps {
        private final Digest digest;
        private final ArchiveDays days;
        private final List<Paper> order;
        private final Scope scope;
        private final URI base;
        private final String root;
        private final List<Paper> inScope;

        KeptSitemaps(Digest digest, ArchiveDays days, List<Paper> order, Scope scope, URI base) {
            this.digest = digest;
            this.days = days;
            this.order = order;
            this.scope = scope;
            this.base = base;
            String papers = base.resolve("papers/").toString();
            this.root = papers.substring(0, papers.length() - "papers/".length());
            this.inScope = scope.papers().stream().sorted().map(digest.papersBySlug()::get)
                    .filter(java.util.Objects::nonNull).toList();
        }

        Optional<Map<String, List<Entry>>> groups() {
            if (!days.fromKeptIndex() || days.firstSeenStart(days.size()) != order.size()) return Optional.empty();
            Map<String, List<Entry>> groups = new TreeMap<>();
            Optional<List<Entry>> site = site();
            if (site.isEmpty()) return Optional.empty();
            groups.put("site", site.get());
            java.util.Set<YearMonth> months = new java.util.TreeSet<>();
            for (LocalDate d : days.dates()) months.add(YearMonth.from(d));
            months.removeIf(m -> !scope.month(m));
            for (YearMonth m : months) {
                Optional<List<Entry>> month = month(m);
                if (month.isEmpty()) return Optional.empty();
                if (!month.get().isEmpty()) groups.put(m.toString(), month.get());
            }
            return Optional.of(groups);
        }

        private Optional<List<Entry>> site() {
            Optional<List<Entry>> kept = entries("sitemaps/site.xml");
            if (kept.isEmpty()) return Optional.empty();
            Map<String, LocalDate> was = new java.util.HashMap<>();
            kept.get().forEach(e -> was.put(e.path(), e.lastmod()));
            LocalDate latest = days.size() == 0 ? LocalDate.EPOCH : days.date(days.size() - 1);
            List<Entry> site = new ArrayList<>();
            site.add(new Entry(SitePaths.HOME, latest));
            site.add(new Entry(SitePaths.ARCHIVE, latest));
            site.addAll(yearPages(days.dates()));
            if (!digest.themes().isEmpty()) site.add(new Entry(SitePaths.THEMES, latest));
            Map<String, LocalDate> changed = new java.util.HashMap<>();
            for (Paper p : inScope) {
                for (String t : p.themes()) changed.merge(t, p.lastSeen(), (a, b) -> a.isAfter(b) ? a : b);
            }
            for (Theme t : digest.themes()) {
                LocalDate before = was.get(SitePaths.theme(t.slug()));
                if (before == null) return Optional.empty();
                LocalDate now = changed.getOrDefault(t.slug(), LocalDate.EPOCH);
                site.add(new Entry(SitePaths.theme(t.slug()), now.isAfter(before) ? now : before));
            }
            return Optional.of(site);
        }

        private Optional<List<Entry>> month(YearMonth m) {
            List<Entry> kept = new ArrayList<>();
            for (int part = 1; ; part++) {
                Optional<List<Entry>> file = entries(partPath(m.toString(), part));
                if (file.isEmpty()) break;
                kept.addAll(file.get());
            }
            Map<String, LocalDate> was = new java.util.HashMap<>();
            List<Entry> keptPapers = new ArrayList<>();
            for (Entry e : kept) {
                was.put(e.path(), e.lastmod());
                if (e.path().startsWith("papers/")) keptPapers.add(e);
            }
            // What the papers in scope change: their own pages, and the pages of the days that list them.
            Map<String, LocalDate> changed = new java.util.HashMap<>();
            for (Paper p : inScope) {
                for (LocalDate d : p.days()) {
                    if (YearMonth.from(d).equals(m)) changed.merge(SitePaths.day(d), p.lastSeen(), (a, b) -> a.isAfter(b) ? a : b);
                }
                if (YearMonth.from(p.firstSeen()).equals(m)) changed.put(SitePaths.paper(p.slug()), p.lastSeen());
            }
            List<Entry> out = new ArrayList<>();
            int firstNewDay = -1, monthPapers = 0, end = -1;
            for (int i = 0; i < days.size(); i++) {
                LocalDate d = days.date(i);
                if (!YearMonth.from(d).equals(m)) continue;
                monthPapers += days.newCount(i);
                end = i + 1;
                String path = SitePaths.day(d);
                LocalDate before = was.get(path);
                if (before == null) {
                    // A day the kept file does not have: one appended now, at the end of the archive.
                    if (!scope.days().contains(d)) return Optional.empty();
                    if (firstNewDay < 0) firstNewDay = i;
                    LocalDate c = d;
                    for (var l : days.day(i).listings()) {
                        Paper p = digest.papersBySlug().get(l.paperSlug());
                        if (p != null && p.lastSeen().isAfter(c)) c = p.lastSeen();
                    }
                    out.add(new Entry(path, c));
                } else {
                    if (firstNewDay >= 0) return Optional.empty(); // an old day after a new one: not an append
                    LocalDate now = changed.getOrDefault(path, LocalDate.EPOCH);
                    out.add(new Entry(path, now.isAfter(before) ? now : before));
                }
            }
            if (end < 0) return Optional.of(List.of());
            for (List<Period> periods : List.of(Period.weeks(days), Period.months(days))) {
                for (Period p : periods) {
                    if (YearMonth.from(p.firstDay()).equals(m)) out.add(new Entry(p.path(), p.lastDay()));
                }
            }
            for (Entry e : keptPapers) out.add(new Entry(e.path(), changed.getOrDefault(e.path(), e.lastmod())));
            // The papers first seen on the month's new days: those days' run of the first-seen order.
            int from = days.firstSeenStart(firstNewDay < 0 ? end : firstNewDay);
            int to = days.firstSeenStart(end);
            if (keptPapers.size() + (to - from) != monthPapers) return Optional.empty();
            for (Paper p : order.subList(from, to)) out.add(new Entry(SitePaths.paper(p.slug()), p.lastSeen()));
            return Optional.of(out);
        }

        private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
                "  <url><loc>([^<]*)</loc>(?:<lastmod>(\\d{4}-\\d{2}-\\d{2})</lastmod>)?</url>");

        /** A kept sitemap file's pages, in order; empty when it is missing or a line is not one this class writes. */
        private Optional<List<Entry>> entries(String path) {
            Optional<byte[]> bytes = scope.kept().read(path);
            if (bytes.isEmpty()) return Optional.empty();
            List<Entry> out = new ArrayList<>();
            for (String line : new String(bytes.get(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("  <url>")) continue;
                java.util.regex.Matcher m = URL.matcher(line);
                if (!m.matches()) return Optional.empty();
                String loc = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&quot;", "\"")
                        .replace("&amp;", "&");
                if (!loc.startsWith(root)) return Optional.empty();
                String dir = loc.substring(root.length());
                String page = dir.isEmpty() || dir.endsWith("/") ? dir + "index.html" : dir;
                // Only a path that gives the same line back is read as that page.
                if (!escape(base.resolve(dir).toString()).equals(m.group(1))) return Optional.empty();
                out.add(new Entry(page, m.group(2) == null ? LocalDate.EPOCH : LocalDate.parse(m.group(2))));
            }
            return Optional.of(out);
        }
    }

    /** Consecutive runs of at most {@code limit} items, in order; none for an empty list. */
    static <T> List<List<T>> split(List<T> items, int limit) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += limit) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + limit))));
        }
        return out;
    }

    /** XML's five entities, as the sitemap protocol asks of a URL. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }
}
