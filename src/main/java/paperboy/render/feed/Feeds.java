package paperboy.render.feed;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.nodes.Entities;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Note;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.model.Theme;
import paperboy.model.RetiredTheme;
import paperboy.problems.Problem;
import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.Unit;
import paperboy.render.UnitRenderer;
import paperboy.render.SitePaths;
import paperboy.render.PaperTexts;

/**
 * RSS 2.0 ({@code feed.xml}), Atom 1.0 ({@code atom.xml}) and JSON Feed 1.1 ({@code feed.json}) for the whole
 * digest, and the same three under {@code themes/<slug>/} for every theme.
 *
 * <p>One item per paper, dated on the day it was first seen: a paper listed again later is not a new item.
 * The site feed also has one item for each day's editor's note, first among that day's items. Newest first;
 * within a day in listing order. Feeds need absolute URLs, so without a base URL this renderer
 * writes nothing and the build reports {@link #missingBaseUrl} once.
 */
public final class Feeds implements UnitRenderer {
    public static final String SKIPPED = "feeds and e-mail editions skipped: set baseUrl in paperboy.yml or pass --base-url";

    @Override
    public String name() {
        return "feeds";
    }

    /** The one warning a build without a base URL prints; empty when feeds can be built. */
    public static Optional<Problem> missingBaseUrl(SiteConfig config) {
        return config.baseUrl().isPresent() ? Optional.empty()
                : Optional.of(Problem.warning(SourceRef.file(java.nio.file.Path.of("paperboy.yml")), SKIPPED));
    }

    /**
     * One unit per feed (the site's, then each theme's), its view model the {@link FeedChannel}: a feed whose
     * channel did not change since the previous build keeps its three files. Channels are built on every core.
     */
    @Override
    public List<Unit> units(Digest digest, RenderContext ctx) {
        Optional<URI> base = ctx.config().baseUrl();
        if (base.isEmpty()) return List.of();
        Channels channels = new Channels(digest, ctx.config(), base.get(), ctx.texts(digest), ctx.days(digest));
        List<Unit> units = new ArrayList<>();
        units.add(unit("", channels::site, ctx));
        for (Theme t : digest.themes()) {
            if (ctx.scope().theme(t.slug())) units.add(unit("themes/" + t.slug() + "/", () -> channels.theme(t), ctx));
        }
        for (RetiredTheme r : digest.retiredThemes()) {
            if (!ctx.scope().everything()) break; // retired in a refit, which a scoped build never sees
            units.add(unit("themes/" + r.slug() + "/", () -> channels.retired(r), ctx));
        }
        return units;
    }

    Unit unit(String dir, Supplier<FeedChannel> channel, RenderContext ctx) {
        return new Unit(List.of(dir + SitePaths.FEED_RSS, dir + SitePaths.FEED_ATOM, dir + SitePaths.FEED_JSON),
                "feeds/rss.ftlx+feeds/atom.ftlx", channel::get, c -> {
                    List<Output> out = new ArrayList<>(3);
                    write((FeedChannel) c, dir, ctx, out);
                    return out;
                });
    }

    private void write(FeedChannel c, String dir, RenderContext ctx, List<Output> out) {
        out.add(new Output(dir + SitePaths.FEED_RSS, ctx.templates().renderBytes("feeds/rss.ftlx", c), name()));
        out.add(new Output(dir + SitePaths.FEED_ATOM, ctx.templates().renderBytes("feeds/atom.ftlx", c), name()));
        out.add(new Output(dir + SitePaths.FEED_JSON, JsonFeed.write(c), name()));
    }

    /** Builds the feed models of one digest; public so the newsletter and tests can reuse the item rules. */
    public static final class Channels {
        private final Digest digest;
        private final SiteConfig config;
        private final URI base;
        private final FeedDates dates;
        /** Each paper's item, made once for all the channels it appears in (cleaning its text is not free). */
        private final Map<String, FeedItem> items = new java.util.concurrent.ConcurrentHashMap<>();
        private final PaperTexts texts;
        private final paperboy.render.ArchiveDays days;

        public Channels(Digest digest, SiteConfig config, URI base) {
            this(digest, config, base, new PaperTexts(digest));
        }

        public Channels(Digest digest, SiteConfig config, URI base, PaperTexts texts) {
            this(digest, config, base, texts, null);
        }

        /** @param days the days' counts of the build ({@link RenderContext#days}); null: counted when needed */
        public Channels(Digest digest, SiteConfig config, URI base, PaperTexts texts, paperboy.render.ArchiveDays days) {
            this.days = days;
            this.digest = digest;
            this.config = config;
            this.base = base;
            this.texts = texts;
            this.dates = new FeedDates(config.timeZone(), config.feeds().itemTime());
        }

        public FeedChannel site() {
            int max = config.feeds().orDefaults().maxItems();
            // The newest papers and notes: days walked from the latest until the channel is full.
            List<FeedItem> entries = new ArrayList<>();
            Optional<LocalDate> newest = Optional.empty();
            List<Day> days = digest.days();
            for (int i = days.size() - 1; i >= 0 && entries.size() < max; i--) {
                Day d = days.get(i);
                Optional<Note> note = digest.dayNote(d.date());
                if (note.isPresent()) entries.add(noteItem(d, note.get()));
                // A paper's entry is its first listing, on the day it was first seen.
                for (Paper p : digest.firstListed(d)) {
                    if (entries.size() >= max) break;
                    entries.add(item(p));
                }
                if (newest.isEmpty() && !entries.isEmpty()) newest = Optional.of(d.date());
            }
            return channel(config.title(), config.description(), SitePaths.HOME, "", entries, newest);
        }

        public FeedChannel theme(Theme t) {
            String description = t.description() == null || t.description().isBlank()
                    ? "Papers on " + t.name() + " in " + config.title() + "." : t.description();
            return newest(t, config.title() + " — " + t.name(), description, config.feeds().orDefaults().themeItems());
        }

        /**
         * A retired theme's feeds stay valid, and say once where to go: one item, dated on the first day of the
         * month it was retired, linking the themes its papers are in now and their feeds (a reader that only
         * stopped getting items would never learn why); the JSON Feed is marked expired.
         */
        public FeedChannel retired(RetiredTheme r) {
            String month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).format(r.retiredOn());
            String page = url(SitePaths.theme(r.slug()));
            List<Theme> successors = r.successors().stream().flatMap(s -> digest.theme(s.slug()).stream()).toList();
            StringBuilder text = new StringBuilder("The theme " + r.name() + " was retired in " + month);
            StringBuilder html = new StringBuilder("<p>The theme " + Entities.escape(r.name()) + " was retired in " + month);
            for (int i = 0; i < successors.size(); i++) {
                Theme t = successors.get(i);
                int papers = r.successors().stream().filter(s -> s.slug().equals(t.slug())).findFirst().orElseThrow().papers();
                String count = " (" + papers + (papers == 1 ? " paper)" : " papers)");
                text.append(i == 0 ? "; its papers are now in " : ", ").append(t.name()).append(count);
                html.append(i == 0 ? "; its papers are now in " : ", ").append("<a href=\"")
                        .append(Entities.escape(url(SitePaths.theme(t.slug())))).append("\">")
                        .append(Entities.escape(t.name())).append("</a>").append(count);
            }
            text.append('.');
            html.append(".</p>");
            if (!successors.isEmpty()) {
                Theme main = successors.get(0);
                text.append(" Follow ").append(main.name()).append(": ").append(url("themes/" + main.slug() + "/" + SitePaths.FEED_RSS));
                html.append("<p>Follow <a href=\"").append(Entities.escape(url("themes/" + main.slug() + "/" + SitePaths.FEED_RSS)))
                        .append("\">").append(Entities.escape(main.name())).append("'s feed</a> instead.</p>");
            }
            String title = successors.isEmpty() ? r.name() + " was retired"
                    : r.name() + " was retired: its papers are now in " + successors.get(0).name();
            LocalDate day = r.retiredOn().atDay(1);
            String link = successors.isEmpty() ? page : url(SitePaths.theme(successors.get(0).slug()));
            FeedItem item = new FeedItem(page, link, title, text.toString(), html.toString(), List.of(),
                    dates.rfc822(day), dates.rfc3339(day));
            String dir = "themes/" + r.slug() + "/";
            return new FeedChannel(config.title() + " — " + r.name() + " (retired)", text.toString(), page,
                    url(dir + SitePaths.FEED_RSS), url(dir + SitePaths.FEED_ATOM), url(dir + SitePaths.FEED_JSON),
                    dates.rfc822(day), dates.rfc3339(day), List.of(item), true);
        }

        /**
         * The weekly digest: one item per ISO week, newest first, dated on the week's last day with listings; its
         * content lists the week's new papers by theme with the days each was listed.
         */
        public FeedChannel weekly() {
            var views = new paperboy.render.site.Views(digest, config, texts,
                    days != null ? days : paperboy.render.ArchiveDays.counted(digest));
            var periods = new paperboy.render.site.PeriodPages.Builder(digest, views);
            List<paperboy.render.Period> weeks = periods.weeks();
            List<FeedItem> items = new ArrayList<>();
            for (int i = weeks.size() - 1; i >= 0 && items.size() < config.feeds().orDefaults().weeklyItems(); i--) {
                paperboy.render.Period w = weeks.get(i);
                List<Paper> fresh = periods.newPapers(w);
                String url = url(w.path());
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                for (var s : periods.sections(w, fresh, "")) {
                    if (!s.name().isEmpty()) {
                        html.append("<h3>").append(Entities.escape(s.name())).append("</h3>");
                        text.append(s.name()).append(": ");
                    }
                    html.append("<ul>");
                    for (var p : s.papers()) {
                        html.append("<li><a href=\"").append(Entities.escape(url(p.href()))).append("\">")
                                .append(Entities.escape(p.title())).append("</a> (")
                                .append(p.upvotes() == null ? "" : p.upvotes() + " upvotes, ").append(p.daysListed())
                                .append(p.daysListed() == 1 ? " day" : " days").append(")</li>");
                        text.append(p.title()).append("; ");
                    }
                    html.append("</ul>");
                }
                LocalDate last = paperboy.render.site.PeriodPages.Builder.lastDay(w);
                items.add(new FeedItem(url, url, w.label() + ": " + fresh.size() + (fresh.size() == 1 ? " new paper" : " new papers"),
                        text.toString().strip(), html.toString(), List.of(), dates.rfc822(last), dates.rfc3339(last)));
            }
            LocalDate updated = weeks.isEmpty() ? LocalDate.EPOCH : paperboy.render.site.PeriodPages.Builder.lastDay(weeks.get(weeks.size() - 1));
            String dir = paperboy.render.site.PeriodPages.WEEKS_FEED_DIR;
            return new FeedChannel(config.title() + " — weekly", "The new papers of each week in " + config.title() + ".",
                    weeks.isEmpty() ? url(SitePaths.HOME) : url(weeks.get(weeks.size() - 1).path()),
                    url(dir + SitePaths.FEED_RSS), url(dir + SitePaths.FEED_ATOM), url(dir + SitePaths.FEED_JSON),
                    dates.rfc822(updated), dates.rfc3339(updated), items);
        }

        /**
         * A theme's channel: its newest papers by the day first seen, in listing order within a day. Its members
         * are kept newest first-seen first, so only their head is read: the papers up to the cap and those first
         * seen on the same day as the last of them, then ordered as the site's channel orders them.
         */
        private FeedChannel newest(Theme t, String title, String description, int max) {
            List<Paper> head = new ArrayList<>();
            LocalDate cut = null;
            for (String slug : t.paperSlugs()) {
                Paper p = digest.papersBySlug().get(slug);
                if (p == null) continue;
                if (cut != null && p.firstSeen().isBefore(cut)) break;
                head.add(p);
                if (head.size() == max) cut = p.firstSeen();
            }
            Map<String, Integer> position = new HashMap<>();
            head.forEach(p -> position.put(p.slug(), (days != null ? days.firstPosition(p) : digest.firstPosition(p))
                    .orElse(Integer.MAX_VALUE)));
            head.sort(Comparator.comparing(Paper::firstSeen).reversed()
                    .thenComparing(p -> position.get(p.slug())).thenComparing(Paper::slug));
            List<FeedItem> entries = head.subList(0, Math.min(max, head.size())).stream().map(this::item).toList();
            return channel(title, description, SitePaths.theme(t.slug()), "themes/" + t.slug() + "/", entries,
                    head.isEmpty() ? Optional.empty() : Optional.of(head.get(0).firstSeen()));
        }

        /** @param newest the day of the newest entry; the latest day when there is none */
        private FeedChannel channel(String title, String description, String homePath, String dir,
                                    List<FeedItem> entries, Optional<LocalDate> newest) {
            LocalDate updated = newest.orElse(digest.latestDay().map(Day::date).orElse(LocalDate.EPOCH));
            return new FeedChannel(title, description, url(homePath), url(dir + SitePaths.FEED_RSS),
                    url(dir + SitePaths.FEED_ATOM), url(dir + SitePaths.FEED_JSON), dates.rfc822(updated),
                    dates.rfc3339(updated), entries);
        }

        /** The editor's note on a day, as an item linking to the note at the top of the day page. */
        private FeedItem noteItem(Day d, Note note) {
            String url = url(SitePaths.day(d.date())) + "#editors-note";
            String label = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).format(d.date());
            return new FeedItem(url, url, "Editor's note — " + label, note.text(), note.html(), List.of(),
                    dates.rfc822(d.date()), dates.rfc3339(d.date()));
        }

        /** Each paper's item is made once for all the channels it appears in (cleaning its text is not free). */
        private FeedItem item(Paper p) {
            return items.computeIfAbsent(p.slug(), k -> makeItem(p));
        }

        private FeedItem makeItem(Paper p) {
            String url = url(SitePaths.paper(p.slug()));
            String summary = texts.abstractText(p);
            List<String> categories = p.themes().stream()
                    .flatMap(s -> digest.theme(s).stream()).map(Theme::name).toList();
            return new FeedItem(url, url, texts.title(p), summary, contentHtml(p, summary),
                    categories, dates.rfc822(p.firstSeen()), dates.rfc3339(p.firstSeen()));
        }

        /** The abstract with its addresses as links, then the way to the paper, as the web page shows them. */
        private String contentHtml(Paper p, String summary) {
            StringBuilder html = new StringBuilder();
            if (!summary.isEmpty()) html.append("<p>").append(texts.abstractHtml(p)).append("</p>");
            if (!p.authors().isEmpty()) html.append("<p>").append(Entities.escape(String.join(", ", p.authors()))).append("</p>");
            html.append("<p>");
            var links = paperboy.render.PaperLinks.of(p, texts.title(p));
            for (int i = 0; i < links.size(); i++) {
                if (i > 0) html.append(" · ");
                html.append("<a href=\"").append(Entities.escape(links.get(i).href())).append("\">")
                        .append(Entities.escape(links.get(i).label())).append("</a>");
            }
            return html.append("</p>").toString();
        }

        /** The absolute URL of a site path; directory index pages are linked by their folder. */
        public String url(String sitePath) {
            String p = sitePath.endsWith("index.html") ? sitePath.substring(0, sitePath.length() - 10) : sitePath;
            return base.resolve(p).toString();
        }
    }
}
