package paperboy.render.site;

import paperboy.render.Page;
import paperboy.render.PagedRenderer;
import paperboy.render.PaperLinks;
import paperboy.render.Period;
import paperboy.render.PeriodRanking;
import paperboy.render.RenderContext;
import paperboy.render.SitePaths;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.Theme;
import paperboy.render.view.FeedLink;
import paperboy.render.view.PageMeta;
import paperboy.render.view.PeriodPage;
import paperboy.render.view.PeriodPage.PeriodPaper;
import paperboy.render.view.PeriodPage.PeriodRef;
import paperboy.render.view.PeriodPage.PeriodSection;

/**
 * The weekly and monthly digests: {@code weeks/YYYY-Www/index.html} (ISO weeks) and {@code months/YYYY-MM/index.html}.
 * Each is a page of its own view model, so a new day re-renders only its week and month (and the neighbours
 * whose "next" link appears).
 */
public final class PeriodPages implements PagedRenderer {
    public static final String WEEKS_FEED_DIR = "weeks/";

    @Override
    public String name() {
        return "periods";
    }

    @Override
    public List<Page> pages(Digest digest, RenderContext ctx) {
        Builder b = new Builder(digest, new Views(digest, ctx.config(), ctx.texts(digest), ctx.days(digest)));
        List<Page> pages = new ArrayList<>();
        for (List<Period> periods : List.of(b.weeks, b.months)) {
            for (int i = 0; i < periods.size(); i++) {
                if (!ctx.scope().period(periods.get(i).start(), periods.get(i).end())) continue;
                int at = i;
                pages.add(new Page(periods.get(i).path(), "period.ftlh", () -> b.page(periods, at)));
            }
        }
        return pages;
    }

    /** Builds period pages over one digest; also used by the weekly feeds and e-mail editions. */
    public static final class Builder {
        private final Digest digest;
        private final Views views;
        final List<Period> weeks;
        final List<Period> months;
        /** Each ranked paper's place on the day it was first seen, looked up once (pages render in parallel). */
        private final Map<String, Integer> firstPosition = new java.util.concurrent.ConcurrentHashMap<>();

        public Builder(Digest digest, Views views) {
            this.digest = digest;
            this.views = views;
            this.weeks = Period.weeks(views.days());
            this.months = Period.months(views.days());
        }

        public List<Period> weeks() {
            return weeks;
        }

        public PeriodPage page(List<Period> periods, int i) {
            Period p = periods.get(i);
            boolean feeds = views.meta(p.path(), "", "").canonicalUrl() != null;
            int listings = listings(p);
            List<Paper> fresh = newPapers(p);
            boolean byUpvotes = rankedByUpvotes(fresh);
            String title = (p.kind() == Period.Kind.WEEK ? "Weekly digest: " : "Monthly digest: ") + p.shortLabel();
            PageMeta meta = views.meta(p.path(), title, fresh.size() + " new papers in " + p.label() + ", by theme, "
                    + (byUpvotes ? "most upvoted first." : "with how many days each was listed."));
            String root = meta.root();
            List<PeriodRef> related = new ArrayList<>();
            if (p.kind() == Period.Kind.MONTH) {
                weeks.stream().filter(w -> w.dates().stream().anyMatch(p::contains))
                        .forEach(w -> related.add(ref(w, root)));
            } else {
                months.stream().filter(m -> p.dates().stream().anyMatch(m::contains))
                        .forEach(m -> related.add(ref(m, root)));
            }
            List<FeedLink> feedLinks = feeds && p.kind() == Period.Kind.WEEK ? List.of(
                    new FeedLink("application/rss+xml", "RSS", root + WEEKS_FEED_DIR + SitePaths.FEED_RSS),
                    new FeedLink("application/atom+xml", "Atom", root + WEEKS_FEED_DIR + SitePaths.FEED_ATOM),
                    new FeedLink("application/feed+json", "JSON Feed", root + WEEKS_FEED_DIR + SitePaths.FEED_JSON))
                    : List.of();
            String email = feeds && p.kind() == Period.Kind.WEEK ? root + weeklyEditionPath(p.key(), "html") : null;
            return new PeriodPage(meta, p.kind() == Period.Kind.WEEK ? "week" : "month", p.key(), p.label(),
                    p.days().size(), listings, fresh.size(),
                    p.dates().stream().map(d -> views.dayRef(d, root)).toList(),
                    sections(p, fresh, root), i > 0 ? ref(periods.get(i - 1), root) : null,
                    i + 1 < periods.size() ? ref(periods.get(i + 1), root) : null, related, feedLinks, email, byUpvotes);
        }

        /** The papers first seen in the period, in order of first listing. */
        public List<Paper> newPapers(Period p) {
            List<Paper> fresh = new ArrayList<>();
            for (Day d : p.days()) {
                for (Listing l : d.listings()) if (l.isNew()) fresh.add(digest.paper(l.paperSlug()));
            }
            return fresh.stream().distinct().toList();
        }

        /** True when some of the papers carry upvotes: then {@link PeriodRanking} ranks by them. */
        public static boolean rankedByUpvotes(List<Paper> papers) {
            return papers.stream().anyMatch(x -> x.upvotes().isPresent());
        }

        /**
         * The new papers by primary theme, biggest group first (ties in theme order), "Other" last; inside a group
         * in {@link PeriodRanking}'s order.
         */
        public List<PeriodSection> sections(Period p, List<Paper> fresh, String root) {
            Map<String, List<Paper>> groups = new LinkedHashMap<>();
            for (Paper paper : fresh) {
                groups.computeIfAbsent(paper.themes().isEmpty() ? "" : paper.themes().get(0), k -> new ArrayList<>()).add(paper);
            }
            List<String> order = digest.themes().stream().map(Theme::slug).toList();
            Comparator<Paper> rank = PeriodRanking.of(p, x -> firstPosition.computeIfAbsent(x.slug(),
                    k -> views.days().firstPosition(x).orElse(0)));
            return groups.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, List<Paper>> e) -> e.getKey().equals("other") || e.getKey().isEmpty())
                            .thenComparing(e -> -e.getValue().size())
                            .thenComparing(e -> order.indexOf(e.getKey())))
                    .map(e -> {
                        String name = e.getKey().isEmpty() ? "" : digest.theme(e.getKey()).map(Theme::name).orElse(e.getKey());
                        String href = e.getKey().isEmpty() ? null : root + SitePaths.theme(e.getKey());
                        List<PeriodPaper> papers = e.getValue().stream().sorted(rank).map(x -> paper(p, x, root)).toList();
                        return new PeriodSection(name, href, papers);
                    })
                    .toList();
        }

        private PeriodPaper paper(Period p, Paper x, String root) {
            String title = views.texts().title(x);
            return new PeriodPaper(x.slug(), title, root + SitePaths.paper(x.slug()),
                    PaperLinks.snippet(views.texts().abstractText(x)), views.dayRef(x.firstSeen(), root),
                    PeriodRanking.daysIn(p, x), x.days().size(), PaperLinks.of(x, title),
                    Views.count(x.upvotes()));
        }

        private static PeriodRef ref(Period p, String root) {
            return new PeriodRef(p.key(), p.shortLabel(), root + p.path());
        }

        /** The latest week and month, for the home page. */
        public List<PeriodRef> latest(String root) {
            if (weeks.isEmpty()) return List.of();
            return List.of(ref(weeks.get(weeks.size() - 1), root), ref(months.get(months.size() - 1), root));
        }

        /** The latest date of the period with listings. */
        public static LocalDate lastDay(Period p) {
            return p.lastDay();
        }

        /** How many listings the period's days hold, from their counts. */
        public int listings(Period p) {
            int n = 0;
            for (LocalDate d : p.dates()) n += views.days().listings(views.days().indexOf(d).getAsInt());
            return n;
        }
    }

    /** {@code newsletter/weeks/2025-W07.html} (also .txt, .eml). */
    public static String weeklyEditionPath(String weekKey, String ext) {
        return "newsletter/weeks/" + weekKey + "." + ext;
    }
}
