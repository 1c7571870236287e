package paperboy.render.newsletter;

import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.render.Output;
import paperboy.render.Period;
import paperboy.render.site.PeriodPages;
import paperboy.render.RenderContext;
import paperboy.render.Unit;
import paperboy.render.UnitRenderer;
import paperboy.render.SitePaths;
import paperboy.render.Templates;
import paperboy.render.view.EditionPage;

/**
 * The e-mail edition of every day, as part of the site: {@code newsletter/YYYY-MM-DD.html} (what the e-mail
 * shows, also readable on the web), {@code .txt} (the plain-text part) and {@code .eml} (the whole message,
 * to open in a mail client or send by hand). Built with the site so day pages can link to their edition and
 * a rebuild never loses them. An e-mail needs absolute links, so without a base URL there is none (the
 * build warns once, together with the feeds).
 */
public final class Newsletters implements UnitRenderer {
    static final String TEMPLATE = "newsletter/email.ftlh";

    @Override
    public String name() {
        return "newsletter";
    }

    /** One unit per day (see {@link #units(List, BiFunction, String, Function, Function, RenderContext, URI)}). */
    @Override
    public List<Unit> units(Digest digest, RenderContext ctx) {
        Optional<URI> base = ctx.config().baseUrl();
        if (base.isEmpty()) return List.of();
        Editions editions = new Editions(digest, ctx.config(), base.get(), ctx.texts(digest));
        // A scoped build names its few days: only those are read.
        paperboy.render.ArchiveDays all = ctx.days(digest);
        List<Day> days = ctx.scope().everything() ? digest.days()
                : ctx.scope().days().stream().map(all::indexOf).filter(java.util.OptionalInt::isPresent)
                        .map(java.util.OptionalInt::getAsInt).sorted().map(all::day).toList();
        return units(days, (d, ext) -> SitePaths.newsletter(d.date(), ext), TEMPLATE, editions::edition,
                Day::date, ctx, base.get());
    }

    /**
     * One unit per period (a day, a week), its view model the period's {@link EditionPage}: an edition whose page
     * did not change since the previous build keeps its three files (the config and templates are in the build
     * cache's settings). The daily and the weekly editions are both made here.
     *
     * @param path    the file of a period with an extension (html, txt, eml)
     * @param date    the day the edition is dated (a week's last day with listings)
     */
    <P> List<Unit> units(List<P> periods, BiFunction<P, String, String> path, String template,
                         Function<P, EditionPage> page, Function<P, LocalDate> date, RenderContext ctx, URI base) {
        // One mail session for every message: making one looks up Jakarta Mail's providers again each time.
        Session session = MimeEdition.offlineSession();
        return periods.stream()
                .map(p -> new Unit(List.of(path.apply(p, "html"), path.apply(p, "txt"), path.apply(p, "eml")), template,
                        () -> page.apply(p), model -> files(parts((EditionPage) model, ctx.templates(), date.apply(p)),
                                ext -> path.apply(p, ext), ctx.config(), base, session)))
                .toList();
    }

    /** The html and text of one week's edition. */
    public static MimeEdition.Parts weeklyParts(EditionPage page, Templates templates, Period week) {
        return parts(page, templates, PeriodPages.Builder.lastDay(week));
    }

    /** The three files of one weekly edition. */
    public List<Output> weeklyOutputs(MimeEdition.Parts p, SiteConfig config, URI base, Session session) {
        return files(p, ext -> PeriodPages.weeklyEditionPath(p.page().iso(), ext), config, base, session);
    }

    /** The html and text of one day's edition. */
    public static MimeEdition.Parts edition(Day day, Editions editions, Templates templates) {
        return parts(editions.edition(day), templates, day.date());
    }

    /** Gmail clips a message whose HTML is larger than 102 KB (and hides the rest behind a link). */
    public static final int MAX_HTML_BYTES = 100 * 1024;

    /**
     * The edition, cut to its first papers when its HTML would be clipped: the rest are counted in a line
     * "... and N more on the site" that links the day's (or week's) page.
     */
    private static MimeEdition.Parts parts(EditionPage page, Templates templates, LocalDate date) {
        byte[] html = html(page, templates);
        int papers = page.sections().stream().mapToInt(s -> s.items().size()).sum() + page.seen().size();
        for (int size = html.length; size > MAX_HTML_BYTES && papers > 0; size = html.length) {
            // papers in proportion to the bytes over, a little under so that usually one more try fits
            papers = Math.min(papers - 1, (int) (papers * (MAX_HTML_BYTES * 0.95 / size)));
            page = page.firstPapers(Math.max(0, papers));
            html = html(page, templates);
        }
        return new MimeEdition.Parts(page, html, PlainTextEdition.render(page).getBytes(StandardCharsets.UTF_8), date);
    }

    /** The three files of one edition, with the .eml addressed to the configured recipient. */
    public List<Output> outputs(MimeEdition.Parts p, SiteConfig config, URI base) {
        return outputs(p, config, base, MimeEdition.offlineSession());
    }

    /** The same, building the message in {@code session}. */
    public List<Output> outputs(MimeEdition.Parts p, SiteConfig config, URI base, Session session) {
        return files(p, ext -> SitePaths.newsletter(p.date(), ext), config, base, session);
    }

    /** An edition's html, txt and eml (addressed to the configured recipient), at {@code path} of each extension. */
    private List<Output> files(MimeEdition.Parts p, Function<String, String> path, SiteConfig config, URI base,
                               Session session) {
        byte[] eml = MimeEdition.bytes(MimeEdition.message(p, config, base, List.of(), session));
        return List.of(new Output(path.apply("html"), p.html(), name()), new Output(path.apply("txt"), p.text(), name()),
                new Output(path.apply("eml"), eml, name()));
    }

    /** Renders the template, which writes every style inline itself (no style sheet to move at build time). */
    static byte[] html(EditionPage page, Templates templates) {
        return templates.renderBytes(TEMPLATE, page);
    }
}
