package paperboy.render.newsletter;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import paperboy.model.Digest;
import paperboy.render.site.PeriodPages;
import paperboy.render.RenderContext;
import paperboy.render.Period;
import paperboy.render.Unit;
import paperboy.render.UnitRenderer;
import paperboy.render.site.Views;

/**
 * The weekly e-mail edition of every ISO week, {@code newsletter/weeks/YYYY-Www.html}, {@code .txt} and {@code .eml}:
 * the week's new papers by theme, most days listed first, as on the week's page. One unit per week, so a new day
 * re-renders only its own week's edition. Needs a base URL, like the daily editions.
 */
public final class WeeklyNewsletters implements UnitRenderer {
    private final Newsletters newsletters = new Newsletters();

    @Override
    public String name() {
        return "weekly-newsletter";
    }

    @Override
    public List<Unit> units(Digest digest, RenderContext ctx) {
        Optional<URI> base = ctx.config().baseUrl();
        if (base.isEmpty()) return List.of();
        Editions editions = new Editions(digest, ctx.config(), base.get(), ctx.texts(digest));
        PeriodPages.Builder periods = new PeriodPages.Builder(digest, new Views(digest, ctx.config(), ctx.texts(digest), ctx.days(digest)));
        List<Period> weeks = periods.weeks().stream().filter(w -> ctx.scope().period(w.start(), w.end())).toList();
        return newsletters.units(weeks, (w, ext) -> PeriodPages.weeklyEditionPath(w.key(), ext),
                Newsletters.TEMPLATE + "#weekly", w -> editions.weekly(periods, w), PeriodPages.Builder::lastDay, ctx,
                base.get());
    }
}
