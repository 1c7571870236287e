package paperboy.render.site;

import paperboy.render.ArchiveDays;
import paperboy.render.PaperLinks;
import paperboy.render.PaperTexts;
import paperboy.render.SitePaths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Note;
import paperboy.model.Paper;
import paperboy.model.SitePage;
import paperboy.render.view.DayPage;
import paperboy.render.view.DaySection;
import paperboy.render.view.DayRef;
import paperboy.render.view.FeedLink;
import paperboy.render.view.HomePage;
import paperboy.render.view.SiteUpdate;
import paperboy.render.view.ListingView;
import paperboy.render.view.NavLink;
import paperboy.render.view.NotFoundPage;
import paperboy.render.view.PageMeta;
import paperboy.render.view.PaperPage;
import paperboy.render.view.PaperRef;
import paperboy.render.view.SitePageView;
import paperboy.render.view.ThemeRef;

/** Builds the typed view models of the HTML pages from the digest. Links are relative to each page. */
public final class Views {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final Digest digest;
    private final SiteConfig config;
    private final ArchiveDays days;
    private final PaperTexts texts;
    private final Map<LocalDate, DayLabels> labels = new java.util.concurrent.ConcurrentHashMap<>();

    public Views(Digest digest, SiteConfig config) {
        this(digest, config, new PaperTexts(digest));
    }

    /** With the cleaned texts shared by the renderers of a build. */
    public Views(Digest digest, SiteConfig config, PaperTexts texts) {
        this(digest, config, texts, ArchiveDays.counted(digest));
    }

    /** With the days' counts of the build ({@link paperboy.render.RenderContext#days}): links to days read none. */
    public Views(Digest digest, SiteConfig config, PaperTexts texts, ArchiveDays days) {
        this.digest = digest;
        this.config = config;
        this.texts = texts;
        this.days = days;
    }

    /** The days' counts these views link with. */
    public ArchiveDays days() {
        return days;
    }

    public PageMeta meta(String path, String title, String description) {
        String canonical = config.baseUrl()
                .map(base -> base.resolve(path.endsWith("index.html") ? path.substring(0, path.length() - 10) : path).toString())
                .orElse(null);
        return new PageMeta(config.title(), title, description, path, SitePaths.rootFrom(path), canonical, nav());
    }

    /** The site's own pages, for the navigation. */
    private List<NavLink> nav() {
        return digest.editorial().pages().stream().map(p -> new NavLink(p.title(), p.path())).toList();
    }

    /** A page from content/pages. */
    public SitePageView sitePage(SitePage page) {
        PageMeta meta = meta(page.path(), page.title(), page.description());
        return new SitePageView(meta, page.title(), page.date().map(LONG::format).orElse(null), page.html());
    }

    public DayRef dayRef(LocalDate date, String root) {
        DayLabels l = labels.computeIfAbsent(date, this::labels);
        return new DayRef(l.iso, l.label, l.shortLabel, root + l.path, l.count, l.newCount);
    }

    /** What every link to a day shows, formatted once per day: pages link to the same days over and over. */
    private record DayLabels(String iso, String label, String shortLabel, String path, int count, int newCount) {}

    private DayLabels labels(LocalDate date) {
        java.util.OptionalInt i = days.indexOf(date);
        int count = i.isEmpty() ? 0 : days.listings(i.getAsInt());
        int newCount = i.isEmpty() ? 0 : days.newCount(i.getAsInt());
        return new DayLabels(date.toString(), LONG.format(date), SHORT.format(date), SitePaths.day(date), count, newCount);
    }

    public DayPage dayPage(Day day, String path) {
        return dayPage(day, meta(path, SHORT.format(day.date()), description(day)));
    }

    /** What a shared link to the day says: "54 papers listed on Friday, March 14, 2025, 47 of them new." */
    private static String description(Day day) {
        int n = day.listings().size();
        String listed = n + (n == 1 ? " paper" : " papers") + " listed on " + LONG.format(day.date());
        if (n == 1) return listed + (day.newCount() == 1 ? ", new that day." : ", seen before.");
        return listed + ", " + day.newCount() + " of them new.";
    }

    private DayPage dayPage(Day day, PageMeta meta) {
        String root = meta.root();
        List<ListingView> listings = day.listings().stream().map(l -> listing(l, root)).toList();
        int i = days.indexOf(day.date()).orElseThrow();
        DayRef prev = i > 0 ? dayRef(days.date(i - 1), root) : null;
        DayRef next = i + 1 < days.size() ? dayRef(days.date(i + 1), root) : null;
        DayRef lastNew = null;
        if (day.newCount() == 0) {
            for (int j = i - 1; j >= 0 && lastNew == null; j--) {
                if (days.newCount(j) > 0) lastNew = dayRef(days.date(j), root);
            }
        }
        List<DaySection> sections = sections(day, listings, root, meta.canonicalUrl() != null);
        Optional<Note> note = digest.dayNote(day.date());
        return new DayPage(meta, dayRef(day.date(), root), listings, (int) day.newCount(), (int) day.seenBeforeCount(),
                prev, next, note.map(Note::html).orElse(null), note.flatMap(Note::title).orElse(null),
                sections, lastNew, dayFeeds(meta));
    }

    /** The site's feeds (each theme section links its own); none without a base URL (no feeds built). */
    private static List<FeedLink> dayFeeds(PageMeta meta) {
        if (meta.canonicalUrl() == null) return List.of();
        return List.of(new FeedLink("application/rss+xml", "RSS", meta.href(SitePaths.FEED_RSS)),
                new FeedLink("application/atom+xml", "Atom", meta.href(SitePaths.FEED_ATOM)),
                new FeedLink("application/feed+json", "JSON Feed", meta.href(SitePaths.FEED_JSON)));
    }

    /**
     * The primary themes of a day's listings in the order the day shows them: most listings first (ties in
     * theme order), "Other" last. The web page and the e-mail edition of a day both follow it.
     */
    public static List<String> sectionOrder(Digest digest, Day day) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Listing l : day.listings()) {
            List<String> themes = digest.paper(l.paperSlug()).themes();
            if (themes.isEmpty()) return List.of();
            counts.merge(themes.get(0), 1, Integer::sum);
        }
        List<String> order = digest.themes().stream().map(paperboy.model.Theme::slug).toList();
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getKey().equals("other"))
                        .thenComparing(e -> -e.getValue())
                        .thenComparing(e -> order.indexOf(e.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The day's listings grouped by their paper's primary theme, in {@link #sectionOrder}; inside a group the
     * papers new today first, then those listed before, each in listing order.
     */
    private List<DaySection> sections(Day day, List<ListingView> views, String root, boolean feeds) {
        List<String> order = sectionOrder(digest, day);
        if (order.isEmpty()) return List.of();
        Map<String, List<ListingView>> byTheme = new LinkedHashMap<>();
        order.forEach(slug -> byTheme.put(slug, new ArrayList<>()));
        List<Listing> listings = day.listings();
        for (boolean fresh : new boolean[] {true, false}) {
            for (int i = 0; i < listings.size(); i++) {
                if (listings.get(i).isNew() != fresh) continue;
                byTheme.get(digest.paper(listings.get(i).paperSlug()).themes().get(0)).add(views.get(i));
            }
        }
        return byTheme.entrySet().stream()
                .map(e -> {
                    String name = digest.theme(e.getKey()).map(paperboy.model.Theme::name).orElse(e.getKey());
                    return new DaySection(e.getKey(), name, "theme-" + e.getKey(), root + SitePaths.theme(e.getKey()),
                            e.getValue(), feeds ? root + SitePaths.themeFeed(e.getKey(), SitePaths.FEED_RSS) : null);
                })
                .toList();
    }

    private ListingView listing(Listing l, String root) {
        Paper p = digest.paper(l.paperSlug());
        List<DayRef> earlier = l.earlierDays().stream().map(d -> dayRef(d, root)).toList();
        String title = texts.title(p);
        String abs = texts.abstractText(p);
        return new ListingView(l.position(), p.slug(), title, root + SitePaths.paper(p.slug()),
                abs, l.isNew(), earlier, themes(p, root), PaperLinks.snippet(abs), texts.abstractHtml(p),
                PaperLinks.of(p, title), count(l.upvotes()));
    }

    public PaperPage paperPage(Paper p, String path) {
        String abs = texts.abstractText(p);
        String title = texts.title(p);
        PageMeta meta = meta(path, title, abs.isEmpty() ? title : PaperTexts.teaser(abs, 200));
        String root = meta.root();
        List<DayRef> listed = p.days().stream()
                .map(d -> withAnchor(dayRef(d, root), p.slug()))
                .toList();
        List<PaperRef> related = p.related().stream()
                .map(digest::paper)
                .map(r -> new PaperRef(texts.title(r), root + SitePaths.paper(r.slug()), dayRef(r.firstSeen(), root)))
                .toList();
        Optional<Note> note = digest.paperNote(p.slug());
        return new PaperPage(meta, title, abs, listed.get(0), listed, listed.subList(1, listed.size()),
                p.titleVariants(), p.abstractVariants(), themes(p, root), related, p.arxivId().orElse(null), p.authors(),
                note.map(Note::html).orElse(null), note.flatMap(Note::title).orElse(null), texts.abstractHtml(p),
                PaperLinks.of(p, title), count(p.upvotes()));
    }

    /** An upvote count for a view model: null where the input gave none. */
    public static Integer count(java.util.OptionalInt upvotes) {
        return upvotes.isPresent() ? upvotes.getAsInt() : null;
    }

    private static DayRef withAnchor(DayRef d, String anchor) {
        return new DayRef(d.iso(), d.label(), d.shortLabel(), d.href() + "#" + anchor, d.count(), d.newCount());
    }

    public HomePage homePage() {
        PageMeta meta = meta(SitePaths.HOME, config.title(), config.description());
        DayPage latest = digest.latestDay().map(d -> dayPage(d, meta)).orElse(null);
        List<DayRef> recent = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0 && recent.size() < config.recentDays(); i--) {
            recent.add(dayRef(days.date(i), meta.root()));
        }
        SiteUpdate updated = digest.latestDay().map(d -> new SiteUpdate(d.date().toString(),
                dayRef(d.date(), meta.root()).label(),
                d.sources().stream().map(f -> f.getFileName().toString()).distinct().toList())).orElse(null);
        return new HomePage(meta, latest, recent, digest.days().size(), digest.papers().size(),
                new PeriodPages.Builder(digest, this).latest(meta.root()), updated);
    }

    public NotFoundPage notFoundPage() {
        // The whole base URL (not only its path): the page's links then hold from any depth, on any host path.
        String base = config.baseUrl().map(java.net.URI::toString)
                .map(url -> url.endsWith("/") ? url : url + "/").orElse("/");
        return new NotFoundPage(meta(SitePaths.NOT_FOUND, "Page not found", "This page does not exist."), base);
    }

    private List<ThemeRef> themes(Paper p, String root) {
        return p.themes().stream()
                .flatMap(slug -> digest.theme(slug).stream())
                .map(t -> new ThemeRef(t.slug(), t.name(), root + SitePaths.theme(t.slug())))
                .toList();
    }

    /** The shared cleaned texts of this build. */
    public PaperTexts texts() {
        return texts;
    }
}
