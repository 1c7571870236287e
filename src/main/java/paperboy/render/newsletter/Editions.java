package paperboy.render.newsletter;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.Theme;
import paperboy.render.PaperLinks;
import paperboy.render.PaperTexts;
import paperboy.render.SitePaths;
import paperboy.render.site.Views;
import paperboy.render.view.EditionPage;
import paperboy.render.view.EditionPage.EditionItem;
import paperboy.render.view.EditionPage.EditionSection;
import paperboy.render.view.EditionPage.SeenItem;

/** Builds the e-mail edition view model of a day. */
public final class Editions {
    /** Abstracts longer than this are cut at a word boundary and link to the paper page: keeps mail under 102 KB. */
    static final int TEASER_CHARS = 280;
    static final String OTHER = "Other papers";
    /** Papers per theme of the weekly edition shown with teaser and links. */
    static final int WEEKLY_DETAILED = 2;

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final Digest digest;
    private final SiteConfig config;
    private final URI base;
    private final PaperTexts texts;

    public Editions(Digest digest, SiteConfig config, URI base) {
        this(digest, config, base, new PaperTexts(digest));
    }

    /** With the cleaned texts shared by the renderers of a build. */
    public Editions(Digest digest, SiteConfig config, URI base, PaperTexts texts) {
        this.digest = digest;
        this.config = config;
        this.base = base;
        this.texts = texts;
    }

    public static String subject(SiteConfig config, LocalDate date, int count, int newCount) {
        return config.title() + " — " + SHORT.format(date) + ": " + count + (count == 1 ? " paper" : " papers")
                + " (" + newCount + " new)";
    }

    public EditionPage edition(Day day) {
        int count = day.listings().size();
        int newCount = (int) day.newCount();
        boolean byTheme = !digest.themes().isEmpty();
        // Sections in the order of the day's web page; a paper without themes goes to "Other papers" at the end.
        Map<String, List<EditionItem>> groups = new LinkedHashMap<>();
        if (byTheme) {
            for (String slug : Views.sectionOrder(digest, day)) {
                digest.theme(slug).ifPresent(t -> groups.put(t.name(), new ArrayList<>()));
            }
        }
        groups.putIfAbsent(byTheme ? OTHER : "", new ArrayList<>());
        List<SeenItem> seen = new ArrayList<>();
        for (Listing l : day.listings()) {
            Paper p = digest.paper(l.paperSlug());
            String url = url(SitePaths.paper(p.slug()));
            if (l.isNew()) {
                String abs = texts.abstractText(p);
                String teaser = PaperTexts.teaser(abs, TEASER_CHARS);
                List<String> themes = themeNames(p);
                String group = byTheme ? (themes.isEmpty() ? OTHER : themes.get(0)) : "";
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new EditionItem(texts.title(p), url, teaser,
                        !teaser.equals(abs), themes, PaperLinks.of(p, texts.title(p)), 1, Views.count(l.upvotes())));
            } else {
                LocalDate first = p.firstSeen();
                seen.add(new SeenItem(texts.title(p), url, SHORT.format(first), url(SitePaths.day(first)),
                        Views.count(l.upvotes())));
            }
        }
        List<EditionSection> sections = groups.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new EditionSection(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        LocalDate d = day.date();
        return new EditionPage(config.title(), subject(config, d, count, newCount), d.toString(), LONG.format(d),
                SHORT.format(d), count, newCount, count - newCount, url(SitePaths.day(d)),
                url(SitePaths.newsletter(d, "html")), url(SitePaths.FEED_RSS), url(SitePaths.ARCHIVE), sections,
                byTheme, List.copyOf(seen), config.newsletter().unsubscribeUrl(),
                digest.dayNote(d).map(paperboy.model.Note::html).orElse(null),
                digest.dayNote(d).map(paperboy.model.Note::text).orElse(null), 0, false);
    }

    /** The weekly edition: the week's new papers by theme, in the order of the week's page. */
    public EditionPage weekly(paperboy.render.site.PeriodPages.Builder periods, paperboy.render.Period week) {
        List<Paper> fresh = periods.newPapers(week);
        List<EditionSection> sections = new ArrayList<>();
        for (var s : periods.sections(week, fresh, "")) {
            List<EditionItem> items = new ArrayList<>();
            for (var pp : s.papers()) {
                Paper p = digest.paper(pp.slug());
                // A week can hold hundreds of new papers: the top of each theme gets its teaser and links, the
                // rest a title line (their pages have the links), so the mail stays under Gmail's 102 KB.
                boolean top = items.size() < WEEKLY_DETAILED;
                String abs = texts.abstractText(p);
                String teaser = top ? PaperTexts.teaser(abs, TEASER_CHARS) : "";
                items.add(new EditionItem(pp.title(), url(pp.href()), teaser, top && !teaser.equals(abs), themeNames(p),
                        top ? pp.links() : List.of(), pp.daysListed(), pp.upvotes()));
            }
            sections.add(new EditionSection(s.name(), List.copyOf(items)));
        }
        int count = periods.listings(week);
        String subject = config.title() + " — " + week.shortLabel() + ": " + fresh.size()
                + (fresh.size() == 1 ? " new paper" : " new papers");
        String path = paperboy.render.site.PeriodPages.weeklyEditionPath(week.key(), "html");
        return new EditionPage(config.title(), subject, week.key(), week.label(), week.shortLabel(), count,
                fresh.size(), count - fresh.size(), url(week.path()), url(path),
                url(paperboy.render.site.PeriodPages.WEEKS_FEED_DIR + SitePaths.FEED_RSS), url(SitePaths.ARCHIVE), sections,
                !digest.themes().isEmpty(), List.of(), config.newsletter().unsubscribeUrl(), null, null, 0, true);
    }

    private List<String> themeNames(Paper p) {
        return p.themes().stream().flatMap(s -> digest.theme(s).stream()).map(Theme::name).toList();
    }

    /** Absolute URL of a site path; folder index pages by their folder, as in canonical links. */
    String url(String sitePath) {
        String p = sitePath.endsWith("index.html") ? sitePath.substring(0, sitePath.length() - 10) : sitePath;
        return base.resolve(p).toString();
    }
}
