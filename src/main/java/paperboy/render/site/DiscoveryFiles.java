package paperboy.render.site;

import paperboy.render.Output;
import paperboy.render.Period;
import paperboy.render.RenderContext;
import paperboy.render.Scope;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import java.net.URI;
import java.time.LocalDate;
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
 * every day changes (home, archive, themes), and per year {@code sitemaps/YYYY.xml} with that year's days, its
 * archive page and the papers first seen in it, so older years' files stay as they are. No file lists more than
 * {@value #MAX_URLS} URLs (the protocol's limit); a year with more goes on in {@code YYYY-2.xml} and so on.
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
            // A scoped build lists the years it does not reach as the kept index does; without it, every year.
            Optional<Map<String, List<String>>> kept = scope.everything() ? Optional.of(Map.of()) : keptIndex(scope);
            out.addAll(sitemaps(groups(digest, order, kept.isPresent() ? scope : Scope.all()), b, scope,
                    kept.orElse(Map.of())));
        });
        return out;
    }

    /** Every page a reader may land on, by sitemap file name (without ".xml"), in a fixed order. */
    static Map<String, List<Entry>> groups(Digest digest) {
        return groups(digest, paperboy.render.PaperOrder.of(digest).papers(), Scope.all());
    }

    /**
     * As {@link #groups(Digest)}, but of the years only those {@code scope} reaches: the site's group and those
     * years' files are all a scoped build writes.
     *
     * @param order the papers by day first seen ({@link paperboy.render.PaperOrder})
     */
    static Map<String, List<Entry>> groups(Digest digest, List<Paper> order, Scope scope) {
        // Asked per day, period and paper: a scope's answer per year is found once.
        Map<Integer, Boolean> years = new java.util.HashMap<>();
        java.util.function.IntPredicate inScope = y -> years.computeIfAbsent(y, scope::year);
        Map<String, List<Entry>> groups = new TreeMap<>();
        LocalDate latest = digest.latestDay().map(Day::date).orElse(LocalDate.EPOCH);
        List<Entry> site = new ArrayList<>();
        site.add(new Entry(SitePaths.HOME, latest));
        site.add(new Entry(SitePaths.ARCHIVE, latest));
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
            if (!inScope.test(d.date().getYear())) continue;
            // A day page shows, for every paper, the other days it was listed on.
            LocalDate changed = d.date();
            for (Listing l : d.listings()) {
                Paper p = digest.papersBySlug().get(l.paperSlug());
                if (p != null && p.lastSeen().isAfter(changed)) changed = p.lastSeen();
            }
            groups.computeIfAbsent(String.valueOf(d.date().getYear()), y -> new ArrayList<>())
                    .add(new Entry(SitePaths.day(d.date()), changed));
        }
        for (Day d : digest.days()) {
            if (!inScope.test(d.date().getYear())) continue;
            List<Entry> year = groups.get(String.valueOf(d.date().getYear()));
            String path = ArchivePages.yearPath(d.date().getYear());
            if (!year.isEmpty() && year.get(year.size() - 1).path().equals(path)) year.remove(year.size() - 1);
            year.add(new Entry(path, d.date())); // a year's archive page changes with its last day
        }
        // Week and month digests: their papers are those first seen in the period, so they change with its days.
        for (List<Period> periods : List.of(Period.weeks(digest.days()), Period.months(digest.days()))) {
            for (Period p : periods) {
                if (!inScope.test(p.days().get(0).date().getYear())) continue;
                LocalDate last = p.days().get(p.days().size() - 1).date();
                groups.computeIfAbsent(String.valueOf(p.days().get(0).date().getYear()), y -> new ArrayList<>())
                        .add(new Entry(p.path(), last));
            }
        }
        for (Paper p : order) {
            if (!inScope.test(p.firstSeen().getYear())) continue;
            groups.computeIfAbsent(String.valueOf(p.firstSeen().getYear()), y -> new ArrayList<>())
                    .add(new Entry(SitePaths.paper(p.slug()), p.lastSeen()));
        }
        return groups;
    }

    /** The index and the sitemap files, each group cut into files of at most {@code maxUrls} URLs. */
    List<Output> sitemaps(Map<String, List<Entry>> groups, URI base) {
        return sitemaps(groups, base, Scope.all(), Map.of());
    }

    /**
     * As {@link #sitemaps(Map, URI)}, writing only the index, the site's file and the files of years in scope.
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
                String path = "sitemaps/" + g.getKey() + (i == 0 ? "" : "-" + (i + 1)) + ".xml";
                LocalDate newest = LocalDate.EPOCH;
                for (Entry e : parts.get(i)) if (e.lastmod().isAfter(newest)) newest = e.lastmod();
                // A year's file is written when the scope reaches that year; the index names every file.
                if (!g.getKey().matches("\\d+") || scope.year(Integer.parseInt(g.getKey()))) {
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

    private static final java.util.regex.Pattern INDEX_LINE =
            java.util.regex.Pattern.compile("  <sitemap><loc>.*/sitemaps/(\\d+)(?:-\\d+)?\\.xml</loc>.*</sitemap>");

    /**
     * The kept index's lines of the years out of {@code scope}, by year; empty when there is no kept index to
     * read (the build then lists every year itself).
     */
    private static Optional<Map<String, List<String>>> keptIndex(Scope scope) {
        return scope.kept().read(SITEMAP).map(bytes -> {
            Map<String, List<String>> lines = new TreeMap<>();
            for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                java.util.regex.Matcher m = INDEX_LINE.matcher(line);
                if (m.matches() && !scope.year(Integer.parseInt(m.group(1)))) {
                    lines.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(line);
                }
            }
            return lines;
        });
    }

    /** Consecutive runs of at most {@code limit} items, in order; none for an empty list. */
    static <T> List<List<T>> split(List<T> items, int limit) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += limit) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + limit))));
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
