package paperboy.render.newsletter;

import jakarta.mail.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import paperboy.model.Digest;
import paperboy.render.Period;
import paperboy.render.site.PeriodPages;
import paperboy.render.RenderContext;
import paperboy.render.Unit;
import paperboy.render.UnitRenderer;
import paperboy.render.site.Views;
import paperboy.render.view.EditionPage;

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
        Session session = MimeEdition.offlineSession();
        PeriodPages.Builder periods = new PeriodPages.Builder(digest, new Views(digest, ctx.config(), ctx.texts(digest)));
        List<Unit> units = new ArrayList<>();
        for (Period w : periods.weeks()) {
            units.add(new Unit(List.of(PeriodPages.weeklyEditionPath(w.key(), "html"),
                    PeriodPages.weeklyEditionPath(w.key(), "txt"), PeriodPages.weeklyEditionPath(w.key(), "eml")),
                    Newsletters.TEMPLATE + "#weekly", () -> editions.weekly(periods, w),
                    page -> newsletters.weeklyOutputs(Newsletters.weeklyParts((EditionPage) page, ctx.templates(),
                            w), ctx.config(), base.get(), session)));
        }
        return units;
    }
}
