package paperboy.render.site;

import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Theme;
import paperboy.render.view.PageMeta;
import paperboy.render.view.PaperRef;
import paperboy.render.view.ThemePage;
import paperboy.render.view.ThemeSummary;
import paperboy.render.view.ThemesPage;

/**
 * The theme pages: {@code themes/index.html} (every theme, its size and a sparkline of papers per day) and
 * {@code themes/<slug>/index.html}, paginated at {@link #PER_PAGE} papers ({@code themes/<slug>/page/2/index.html}).
 */
public final class ThemePages implements Renderer {
    public static final int PER_PAGE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int SPARK_WIDTH = 100;
    private static final int SPARK_HEIGHT = 20;

    @Override
    public String name() {
        return "themes";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        Views views = new Views(digest, ctx.config(), ctx.texts(digest));
        // Every page of a theme shows its summary, whose per-day counts scan every listing: counted once per theme.
        Map<String, Activity> activity = new ConcurrentHashMap<>();
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(SitePaths.THEMES, "themes.ftlh", () -> themesPage(digest, views, activity)));
        for (Theme t : digest.themes()) {
            int pages = Math.max(1, (t.paperSlugs().size() + PER_PAGE - 1) / PER_PAGE);
            for (int n = 1; n <= pages; n++) {
                int page = n;
                String path = themePath(t.slug(), n);
                jobs.add(new Job(path, "theme.ftlh", () -> themePage(digest, views, activity, t, page, pages, path)));
            }
        }
        return jobs.parallelStream()
                .map(j -> new Output(j.path, ctx.templates().renderBytes(j.template, j.model.get()), name()))
                .toList();
    }

    /** Page 1 at the theme's own path, page n under {@code page/n/}. */
    public static String themePath(String slug, int page) {
        return page == 1 ? SitePaths.theme(slug) : "themes/" + slug + "/page/" + page + "/index.html";
    }

    private ThemesPage themesPage(Digest digest, Views views, Map<String, Activity> activity) {
        PageMeta meta = views.meta(SitePaths.THEMES, "Themes", digest.themes().size() + " themes over "
                + digest.papers().size() + " papers.");
        List<ThemeSummary> themes = digest.themes().stream().map(t -> summary(digest, activity, t, meta.root())).toList();
        return new ThemesPage(meta, themes, digest.papers().size(), digest.days().size());
    }

    private ThemePage themePage(Digest digest, Views views, Map<String, Activity> activity, Theme t, int page,
                                int pages, String path) {
        String desc = t.description().isBlank() ? t.paperSlugs().size() + " papers on " + t.name() + "." : t.description();
        PageMeta meta = views.meta(path, page == 1 ? t.name() : t.name() + " (page " + page + ")", desc);
        String root = meta.root();
        int from = (page - 1) * PER_PAGE;
        List<PaperRef> papers = t.paperSlugs().subList(from, Math.min(t.paperSlugs().size(), from + PER_PAGE)).stream()
                .map(digest::paper)
                .map(p -> new PaperRef(views.texts().title(p), root + SitePaths.paper(p.slug()), views.dayRef(p.firstSeen(), root)))
                .toList();
        return new ThemePage(meta, summary(digest, activity, t, root), papers, page, pages, from + 1,
                page > 1 ? root + themePath(t.slug(), page - 1) : null,
                page < pages ? root + themePath(t.slug(), page + 1) : null,
                root + SitePaths.THEMES);
    }

    private static ThemeSummary summary(Digest digest, Map<String, Activity> activity, Theme t, String root) {
        Activity a = activity.computeIfAbsent(t.slug(), k -> activity(digest, t));
        return new ThemeSummary(t.slug(), t.name(), t.description(), root + SitePaths.theme(t.slug()),
                t.paperSlugs().size(), t.curated(), t.keywords(), a.sparkline(), a.label(), a.peak());
    }

    /** A theme's papers per day, as the sparkline's points, its text label and the peak. */
    private record Activity(String sparkline, String label, int peak) {}

    private static Activity activity(Digest digest, Theme t) {
        Set<String> members = new HashSet<>(t.paperSlugs());
        int[] perDay = new int[digest.days().size()];
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < perDay.length; i++) {
            Day d = digest.days().get(i);
            for (Listing l : d.listings()) if (members.contains(l.paperSlug())) perDay[i]++;
            if (i > 0) label.append(", ");
            label.append(DAY.format(d.date())).append(": ").append(perDay[i]);
        }
        int peak = 0;
        for (int c : perDay) peak = Math.max(peak, c);
        return new Activity(sparkline(perDay, peak), label.toString(), peak);
    }

    /** Polyline points: x spread evenly over the width, y from the bottom (0) to the top (the peak). */
    static String sparkline(int[] counts, int peak) {
        if (counts.length == 0) return "";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            double x = counts.length == 1 ? SPARK_WIDTH / 2.0 : (double) SPARK_WIDTH * i / (counts.length - 1);
            double y = SPARK_HEIGHT - (peak == 0 ? 0 : (double) (SPARK_HEIGHT - 2) * counts[i] / peak) - 1;
            if (i > 0) s.append(' ');
            s.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return s.toString();
    }

    private record Job(String path, String template, Supplier<Object> model) {}
}
