package paperboy.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paperboy.model.Digest;

/** Runs every output format over the digest and checks that no two outputs claim the same path. */
public final class SiteRenderer {
    private final List<Renderer> renderers;

    public SiteRenderer(List<Renderer> renderers) {
        this.renderers = List.copyOf(renderers);
    }

    /** The standard site: pages, data, assets. */
    public static SiteRenderer standard() {
        return new SiteRenderer(List.of(new HtmlPages(), new DigestJson(), new StaticAssets(),
                new EditorialPages(), new SearchIndex(), new DiscoveryFiles(),
                new paperboy.render.feed.Feeds(), new paperboy.render.newsletter.Newsletters(), new ThemePages(),
                new PeriodPages(), new paperboy.render.feed.WeeklyFeeds(),
                new paperboy.render.newsletter.WeeklyNewsletters()));
    }

    /** The output formats, in run order: the incremental build drives them one by one. */
    public List<Renderer> renderers() {
        return renderers;
    }

    /** @return outputs sorted by path, and how long each renderer took (ms), in run order */
    public Result render(Digest digest, RenderContext ctx) {
        List<Output> all = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Renderer r : renderers) {
            long t0 = System.nanoTime();
            all.addAll(r.render(digest, ctx));
            millis.put(r.name(), (System.nanoTime() - t0) / 1_000_000);
        }
        checkCollisions(all);
        all.sort(Comparator.comparing(Output::path));
        return new Result(List.copyOf(all), millis);
    }

    public record Result(List<Output> outputs, Map<String, Long> millisByRenderer) {}

    private static void checkCollisions(List<Output> outputs) {
        Map<String, Output> seen = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Output o : outputs) {
            Output prev = seen.putIfAbsent(o.path(), o);
            if (prev != null) clashes.add(o.path() + " (from " + prev.producer() + " and " + o.producer() + ")");
        }
        if (!clashes.isEmpty()) {
            throw new RenderException("two outputs would be written to the same path: " + String.join(", ", clashes));
        }
    }
}
