package paperboy.render.feed;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jsoup.nodes.Entities;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.model.Theme;
import paperboy.parse.Problem;
import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import paperboy.render.Views;

/**
 * RSS 2.0 ({@code feed.xml}), Atom 1.0 ({@code atom.xml}) and JSON Feed 1.1 ({@code feed.json}) for the whole
 * digest, and the same three under {@code themes/<slug>/} for every theme.
 *
 * <p>One item per paper, dated on the day it was first seen: a paper listed again later is not a new item.
 * Newest first; within a day in listing order. Feeds need absolute URLs, so without a base URL this renderer
 * writes nothing and the build reports {@link #missingBaseUrl} once.
 */
public final class Feeds implements Renderer {
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

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        Optional<URI> base = ctx.config().baseUrl();
        if (base.isEmpty()) return List.of();
        Channels channels = new Channels(digest, ctx.config(), base.get());
        List<Output> out = new ArrayList<>();
        write(channels.site(), "", ctx, out);
        // Theme feeds are independent: built on every core, collected in theme order.
        out.addAll(digest.themes().parallelStream().flatMap(t -> {
            List<Output> one = new ArrayList<>(3);
            write(channels.theme(t), "themes/" + t.slug() + "/", ctx, one);
            return one.stream();
        }).toList());
        return out;
    }

    private void write(FeedChannel c, String dir, RenderContext ctx, List<Output> out) {
        out.add(Output.text(dir + SitePaths.FEED_RSS, ctx.templates().render("feeds/rss.ftlx", c), name()));
        out.add(Output.text(dir + SitePaths.FEED_ATOM, ctx.templates().render("feeds/atom.ftlx", c), name()));
        out.add(new Output(dir + SitePaths.FEED_JSON, JsonFeed.write(c), name()));
    }

    /** Builds the feed models of one digest; public so the newsletter and tests can reuse the item rules. */
    public static final class Channels {
        private final Digest digest;
        private final SiteConfig config;
        private final URI base;
        private final FeedDates dates;
        private final Map<String, Integer> firstPosition = new HashMap<>();
        /** Each paper's item, made once for all the channels it appears in (cleaning its text is not free). */
        private final Map<String, FeedItem> items = new java.util.concurrent.ConcurrentHashMap<>();

        public Channels(Digest digest, SiteConfig config, URI base) {
            this.digest = digest;
            this.config = config;
            this.base = base;
            this.dates = new FeedDates(config.timeZone());
            for (Day d : digest.days()) {
                d.listings().forEach(l -> firstPosition.putIfAbsent(l.paperSlug(), l.position()));
            }
        }

        public FeedChannel site() {
            return channel(config.title(), config.description(), SitePaths.HOME, "", p -> true);
        }

        public FeedChannel theme(Theme t) {
            List<String> members = t.paperSlugs();
            String description = t.description() == null || t.description().isBlank()
                    ? "Papers on " + t.name() + " in " + config.title() + "." : t.description();
            return channel(config.title() + " — " + t.name(), description, SitePaths.theme(t.slug()),
                    "themes/" + t.slug() + "/",
                    p -> members.contains(p.slug()) || p.themes().contains(t.slug()));
        }

        private FeedChannel channel(String title, String description, String homePath, String dir,
                                    Predicate<Paper> member) {
            List<Paper> papers = digest.papers().stream()
                    .filter(member)
                    .sorted(Comparator.comparing(Paper::firstSeen).reversed()
                            .thenComparing(p -> firstPosition.getOrDefault(p.slug(), Integer.MAX_VALUE))
                            .thenComparing(Paper::slug))
                    .limit(Math.max(0, config.feeds().maxItems()))
                    .toList();
            List<FeedItem> items = papers.stream().map(p -> this.items.computeIfAbsent(p.slug(), k -> item(p))).toList();
            LocalDate updated = papers.isEmpty()
                    ? digest.latestDay().map(Day::date).orElse(LocalDate.EPOCH)
                    : papers.get(0).firstSeen();
            return new FeedChannel(title, description, url(homePath), url(dir + SitePaths.FEED_RSS),
                    url(dir + SitePaths.FEED_ATOM), url(dir + SitePaths.FEED_JSON), dates.rfc822(updated),
                    dates.rfc3339(updated), items);
        }

        private FeedItem item(Paper p) {
            String url = url(SitePaths.paper(p.slug()));
            String summary = Views.cleanAbstract(p);
            List<String> categories = p.themes().stream()
                    .flatMap(s -> digest.theme(s).stream()).map(Theme::name).toList();
            return new FeedItem(url, url, Views.cleanTitle(p), summary,
                    summary.isEmpty() ? "" : "<p>" + Entities.escape(summary) + "</p>",
                    categories, dates.rfc822(p.firstSeen()), dates.rfc3339(p.firstSeen()));
        }

        /** The absolute URL of a site path; directory index pages are linked by their folder. */
        public String url(String sitePath) {
            String p = sitePath.endsWith("index.html") ? sitePath.substring(0, sitePath.length() - 10) : sitePath;
            return base.resolve(p).toString();
        }
    }
}
