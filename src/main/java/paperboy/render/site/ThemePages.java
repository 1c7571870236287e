package paperboy.render.site;

import paperboy.render.Output;
import paperboy.model.ThemeActivity;
import paperboy.render.RenderContext;
import paperboy.render.Scope;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import java.time.LocalDate;
import paperboy.model.Theme;
import paperboy.model.RetiredTheme;
import paperboy.render.view.RetiredThemePage;
import java.util.Optional;
import paperboy.render.view.PageMeta;
import paperboy.render.view.PaperRef;
import paperboy.render.view.ThemePage;
import paperboy.render.view.ThemeSummary;
import paperboy.render.view.ThemesPage;

/**
 * The theme pages: {@code themes/index.html} (every theme, its size and a sparkline of papers per day) and
 * {@code themes/<slug>/index.html}, newest first. A long theme is paginated so that a new day changes only its
 * newest pages: {@code themes/<slug>/page/N/index.html} holds the N-th slice of {@link #PER_PAGE} papers counted
 * from the oldest (page 1 the oldest 50), a fixed slice that never changes once full, and the theme's own page
 * shows everything after the last of them (50 to 99 papers, all of them below 100).
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
        return jobs(digest, ctx).parallelStream().map(j -> output(j, ctx)).toList();
    }

    /** Each page handed to {@code sink} as it is rendered, from several threads. */
    @Override
    public void render(Digest digest, RenderContext ctx, Consumer<Output> sink) {
        jobs(digest, ctx).parallelStream().forEach(j -> sink.accept(output(j, ctx)));
    }

    private Output output(Job j, RenderContext ctx) {
        return new Output(j.path, ctx.templates().renderBytes(j.template, j.model.get()), name());
    }

    private List<Job> jobs(Digest digest, RenderContext ctx) {
        Views views = new Views(digest, ctx.config(), ctx.texts(digest), ctx.days(digest));
        Supplier<ThemeActivity> counts = () -> ctx.themeActivity(digest);
        // Every page of a theme shows its summary, whose per-day counts scan every listing: counted once per theme.
        Map<String, Activity> activity = new ConcurrentHashMap<>();
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(SitePaths.THEMES, "themes.ftlh", () -> themesPage(digest, views, activity, counts)));
        Scope scope = ctx.scope();
        for (Theme t : digest.themes()) {
            int numbered = numberedPages(t.paperSlugs().size());
            // Every theme's own page: its summary counts the archive's days, so it changes with every new day.
            jobs.add(new Job(SitePaths.theme(t.slug()), "theme.ftlh",
                    () -> themePage(digest, views, activity, counts, t, 0, numbered, SitePaths.theme(t.slug()))));
            int oldest = scope.everything() ? 1 : scope.theme(t.slug()) ? oldestReached(t, scope,
                    slug -> Optional.ofNullable(digest.papersBySlug().get(slug)).map(Paper::firstSeen)) : numbered + 1;
            for (int n = oldest; n <= numbered; n++) {
                int page = n;
                String path = themePath(t.slug(), n);
                jobs.add(new Job(path, "theme.ftlh", () -> themePage(digest, views, activity, counts, t, page, numbered, path)));
            }
        }
        for (RetiredTheme r : digest.retiredThemes()) {
            if (!scope.everything()) break; // retired in a refit, which a scoped build never sees
            jobs.add(new Job(SitePaths.theme(r.slug()), "retired-theme.ftlh", () -> retiredPage(digest, views, r)));
        }
        return jobs;
    }

    /**
     * The oldest numbered page of {@code t} that its papers in scope can change. A numbered page once full never
     * changes but for its link to the next newer one: papers joining the theme fill the pages from the one holding
     * the oldest of them, and the newest numbered page before them gets a newer one to link to.
     */
    /** @param firstSeen the day a paper was first seen, by slug (empty: unknown, so never taken as older) */
    static int oldestReached(Theme t, Scope scope, java.util.function.Function<String, Optional<LocalDate>> firstSeen) {
        List<String> newestFirst = t.paperSlugs();
        int n = newestFirst.size(), first = Integer.MAX_VALUE;
        // A paper listed again changes nothing a numbered page shows (title, link, first day): only the papers
        // that join the theme on the days in scope reach its pages, and they are its newest.
        LocalDate since = scope.days().stream().min(LocalDate::compareTo).orElse(LocalDate.MAX);
        for (int i = 0; i < n; i++) {
            if (firstSeen.apply(newestFirst.get(i)).filter(d -> d.isBefore(since)).isPresent()) break;
            if (scope.paper(newestFirst.get(i))) first = Math.min(first, (n - 1 - i) / PER_PAGE + 1);
        }
        return first == Integer.MAX_VALUE ? numberedPages(n) + 1 : Math.max(1, first - 2);
    }

    /** The theme's own page for 0, its N-th slice counted from the oldest under {@code page/N/}. */
    public static String themePath(String slug, int page) {
        return page == 0 ? SitePaths.theme(slug) : "themes/" + slug + "/page/" + page + "/index.html";
    }

    /** Numbered pages of a theme of {@code n} papers: all full slices but the newest, which the front page shows. */
    static int numberedPages(int n) {
        return Math.max(0, n / PER_PAGE - 1);
    }

    private ThemesPage themesPage(Digest digest, Views views, Map<String, Activity> activity,
                                  Supplier<ThemeActivity> counts) {
        PageMeta meta = views.meta(SitePaths.THEMES, "Themes", digest.themes().size() + " themes over "
                + digest.papers().size() + " papers.");
        List<ThemeSummary> themes = digest.themes().stream().map(t -> summary(views, activity, counts, t, meta.root())).toList();
        return new ThemesPage(meta, themes, digest.papers().size(), digest.days().size());
    }

    /**
     * @param page     0 for the theme's own page, else the slice number from the oldest
     * @param numbered how many numbered pages the theme has
     */
    private ThemePage themePage(Digest digest, Views views, Map<String, Activity> activity,
                                Supplier<ThemeActivity> counts, Theme t, int page, int numbered, String path) {
        List<String> newestFirst = t.paperSlugs();
        int n = newestFirst.size();
        // Slice [from, to) counted from the oldest paper (0); shown newest first.
        int from = page == 0 ? numbered * PER_PAGE : (page - 1) * PER_PAGE;
        int to = page == 0 ? n : page * PER_PAGE;
        String range = (from + 1) + "–" + to;
        String desc = page > 0 ? "Papers " + range + " of " + t.name() + ", counted from the oldest."
                : t.description().isBlank() ? n + " papers on " + t.name() + "." : t.description();
        PageMeta meta = views.meta(path, page == 0 ? t.name() : t.name() + " (papers " + range + ")", desc);
        String root = meta.root();
        List<PaperRef> papers = newestFirst.subList(n - to, n - from).stream()
                .map(digest::paper)
                .map(p -> new PaperRef(views.texts().title(p), root + SitePaths.paper(p.slug()), views.dayRef(p.firstSeen(), root)))
                .toList();
        // A numbered page shows nothing that changes as papers are added: no counts or chart of the whole theme.
        ThemeSummary summary = page == 0 ? summary(views, activity, counts, t, root)
                : new ThemeSummary(t.slug(), t.name(), t.description(), root + SitePaths.theme(t.slug()), to,
                        t.curated(), t.keywords(), "", "", 0);
        String newer = page == 0 ? null : root + themePath(t.slug(), page == numbered ? 0 : page + 1);
        String older = page == 0 ? (numbered > 0 ? root + themePath(t.slug(), numbered) : null)
                : page > 1 ? root + themePath(t.slug(), page - 1) : null;
        return new ThemePage(meta, summary, papers, page, to, newer, older, root + SitePaths.THEMES);
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** A retired theme's page: where its papers went, canonical to the theme that took most of them. */
    private static RetiredThemePage retiredPage(Digest digest, Views views, RetiredTheme r) {
        String path = SitePaths.theme(r.slug());
        String month = MONTH.format(r.retiredOn());
        List<RetiredThemePage.Successor> successors = new ArrayList<>();
        for (RetiredTheme.Successor s : r.successors()) {
            digest.theme(s.slug()).ifPresent(t -> successors.add(new RetiredThemePage.Successor(t.name(),
                    SitePaths.rootFrom(path) + SitePaths.theme(t.slug()),
                    SitePaths.rootFrom(path) + "themes/" + t.slug() + "/" + SitePaths.FEED_RSS, s.papers())));
        }
        String where = successors.isEmpty() ? "" : "; its papers are now in " + successors.get(0).name();
        PageMeta meta = views.meta(path, r.name() + " (retired)", "The theme " + r.name() + " was retired in " + month + where + ".");
        String target = successors.isEmpty() ? SitePaths.THEMES : SitePaths.theme(r.successors().get(0).slug());
        String canonical = Optional.ofNullable(views.meta(target, "", "").canonicalUrl()).orElse(meta.root() + target);
        if (canonical.endsWith("index.html")) canonical = canonical.substring(0, canonical.length() - "index.html".length());
        return new RetiredThemePage(meta, r.name(), month, successors, canonical, meta.root() + SitePaths.THEMES);
    }

    private static ThemeSummary summary(Views views, Map<String, Activity> activity, Supplier<ThemeActivity> counts,
                                        Theme t, String root) {
        Activity a = activity.computeIfAbsent(t.slug(), slug -> activity(views, t, counts.get().perDay(slug)));
        return new ThemeSummary(t.slug(), t.name(), t.description(), root + SitePaths.theme(t.slug()),
                t.paperSlugs().size(), t.curated(), t.keywords(), a.sparkline(), a.label(), a.peak());
    }

    /** A theme's papers per day, as the sparkline's points, its text label and the peak. */
    private record Activity(String sparkline, String label, int peak) {}

    private static final DateTimeFormatter PEAK_DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    /** At most this many points in a sparkline: days are summed into as many buckets (the box is 100 wide). */
    static final int SPARK_POINTS = 100;

    private static Activity activity(Views views, Theme t, int[] perDay) {
        int peak = 0, peakAt = -1;
        for (int i = 0; i < perDay.length; i++) {
            if (perDay[i] > peak) {
                peak = perDay[i];
                peakAt = i;
            }
        }
        // A short summary, not one value per day: ten years of days would be a label of 3,650 numbers.
        int papers = t.paperSlugs().size();
        String label = papers + (papers == 1 ? " paper" : " papers") + " over " + perDay.length
                + (perDay.length == 1 ? " day" : " days")
                + (peakAt < 0 ? "" : ", peak " + peak + " on " + PEAK_DAY.format(views.days().date(peakAt)));
        int[] points = buckets(perDay, SPARK_POINTS);
        int top = 0;
        for (int c : points) top = Math.max(top, c);
        return new Activity(sparkline(points, top), label, peak);
    }

    /** The counts summed into at most {@code max} consecutive buckets of (nearly) equal numbers of days. */
    static int[] buckets(int[] counts, int max) {
        if (counts.length <= max) return counts;
        int[] out = new int[max];
        for (int i = 0; i < counts.length; i++) out[(int) ((long) i * max / counts.length)] += counts[i];
        return out;
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
