package paperboy.render.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import paperboy.model.Digest;
import paperboy.render.site.PeriodPages;
import paperboy.render.RenderContext;
import paperboy.render.Unit;
import paperboy.render.UnitRenderer;

/**
 * The weekly digest's feeds, {@code weeks/feed.xml}, {@code atom.xml} and {@code feed.json}: one item per ISO week
 * (see {@link Feeds.Channels#weekly}). One unit, reused when its channel did not change. Needs a base URL, like
 * every feed.
 */
public final class WeeklyFeeds implements UnitRenderer {
    private final Feeds feeds = new Feeds();

    @Override
    public String name() {
        return "weekly-feeds";
    }

    @Override
    public List<Unit> units(Digest digest, RenderContext ctx) {
        Optional<URI> base = ctx.config().baseUrl();
        if (base.isEmpty() || digest.days().isEmpty()) return List.of();
        Feeds.Channels channels = new Feeds.Channels(digest, ctx.config(), base.get(), ctx.texts(digest), ctx.days(digest));
        return List.of(feeds.unit(PeriodPages.WEEKS_FEED_DIR, channels::weekly, ctx));
    }
}
