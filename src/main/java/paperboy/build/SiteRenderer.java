package paperboy.build;

import java.util.List;
import paperboy.render.Renderer;
import paperboy.render.data.DigestJson;
import paperboy.render.data.SearchIndex;
import paperboy.render.feed.Feeds;
import paperboy.render.feed.WeeklyFeeds;
import paperboy.render.newsletter.Newsletters;
import paperboy.render.newsletter.WeeklyNewsletters;
import paperboy.render.site.DiscoveryFiles;
import paperboy.render.site.EditorialPages;
import paperboy.render.site.HtmlPages;
import paperboy.render.site.PeriodPages;
import paperboy.render.site.StaticAssets;
import paperboy.render.site.ThemePages;

/**
 * The site's output formats, in run order, as data: the build drives them one by one (see {@link SiteOutput}).
 * The render engine knows none of them.
 */
public final class SiteRenderer {
    private final List<Renderer> renderers;

    public SiteRenderer(List<Renderer> renderers) {
        this.renderers = List.copyOf(renderers);
    }

    /** The standard site: pages, data, assets, feeds, e-mail editions. */
    public static SiteRenderer standard() {
        return new SiteRenderer(List.of(new HtmlPages(), new DigestJson(), new StaticAssets(),
                new EditorialPages(), new SearchIndex(), new DiscoveryFiles(),
                new Feeds(), new Newsletters(), new ThemePages(),
                new PeriodPages(), new WeeklyFeeds(), new WeeklyNewsletters()));
    }

    /** The output formats, in run order. */
    public List<Renderer> renderers() {
        return renderers;
    }
}
