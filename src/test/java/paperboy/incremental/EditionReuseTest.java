package paperboy.incremental;

import paperboy.build.SiteOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import paperboy.model.Digest;
import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.build.SiteRenderer;
import paperboy.render.newsletter.Newsletters;
import paperboy.testing.Samples;
import paperboy.write.SiteSink;
import paperboy.write.WriteStats;

/** An e-mail edition whose view model did not change keeps its three files instead of being rendered again. */
class EditionReuseTest {
    private final RenderContext ctx = Samples.context(Samples.config());
    private final SiteRenderer newsletters = new SiteRenderer(List.of(new Newsletters()));

    @Test
    void unchangedEditionsAreKeptAndChangedOnesRendered() throws Exception {
        Digest all = Samples.themedDigest();
        Digest firstTwo = Digest.of(all.days().subList(0, 2), all.papers().stream()
                .filter(p -> p.days().get(0).isBefore(all.days().get(2).date())).toList(), List.of());
        Digest allDays = Digest.of(all.days(), all.papers(), List.of());

        Recording first = new Recording(Map.of());
        SiteOutput.Result r1 = SiteOutput.run(newsletters, firstTwo, ctx, first, BuildCache.empty(), true);
        assertThat(first.put).containsOnlyKeys(
                "newsletter/2025-03-11.html", "newsletter/2025-03-11.txt", "newsletter/2025-03-11.eml",
                "newsletter/2025-03-13.html", "newsletter/2025-03-13.txt", "newsletter/2025-03-13.eml");
        assertThat(first.kept).isEmpty();
        assertThat(r1.files().values()).allSatisfy(e -> assertThat(e.fingerprint()).isNotEqualTo(BuildCache.NOT_A_PAGE));

        // The same digest again: every file is kept, none rendered.
        Recording again = new Recording(first.put);
        SiteOutput.Result r2 = SiteOutput.run(newsletters, firstTwo, ctx, again, cache(r1), true);
        assertThat(again.put).isEmpty();
        assertThat(again.kept).containsExactlyInAnyOrderElementsOf(first.put.keySet());
        assertThat(r2.files()).isEqualTo(r1.files());

        // A third day: only its edition is rendered, and the earlier ones are kept as they were.
        Recording third = new Recording(first.put);
        SiteOutput.Result r3 = SiteOutput.run(newsletters, allDays, ctx, third, cache(r1), true);
        assertThat(third.put).containsOnlyKeys(
                "newsletter/2025-03-14.html", "newsletter/2025-03-14.txt", "newsletter/2025-03-14.eml");
        assertThat(third.kept).containsExactlyInAnyOrderElementsOf(first.put.keySet());
        // What a full render of the three days makes, byte for byte.
        Map<String, byte[]> full = new HashMap<>();
        for (Output o : new Newsletters().render(allDays, ctx)) full.put(o.path(), o.bytes());
        Map<String, byte[]> incremental = new HashMap<>(first.put);
        incremental.putAll(third.put);
        assertThat(incremental.keySet()).isEqualTo(full.keySet());
        full.forEach((path, bytes) -> assertThat(incremental.get(path)).as(path).isEqualTo(bytes));
        assertThat(r3.files().keySet()).isEqualTo(full.keySet());

        // A file of a kept edition that is gone from the site is made again, alone.
        Map<String, byte[]> withoutOne = new HashMap<>(first.put);
        withoutOne.remove("newsletter/2025-03-11.txt");
        Recording repair = new Recording(withoutOne);
        SiteOutput.run(newsletters, firstTwo, ctx, repair, cache(r1), true);
        assertThat(repair.put).containsOnlyKeys("newsletter/2025-03-11.txt");
        assertThat(repair.put.get("newsletter/2025-03-11.txt")).isEqualTo(first.put.get("newsletter/2025-03-11.txt"));
    }

    private static BuildCache cache(SiteOutput.Result r) {
        return new BuildCache("s", "i", new BuildCache.Summary(0, 0, 0), List.of(), r.files(), Map.of(),
                BuildCache.Archive.NONE);
    }

    /** A site in memory: what the previous build left, and what this one puts and keeps. */
    private static final class Recording implements SiteSink {
        private final Map<String, byte[]> previous;
        final Map<String, byte[]> put = new ConcurrentHashMap<>();
        final List<String> kept = java.util.Collections.synchronizedList(new ArrayList<>());

        Recording(Map<String, byte[]> previous) {
            this.previous = Map.copyOf(previous);
        }

        @Override
        public void put(Output o) {
            put.put(o.path(), o.bytes());
        }

        @Override
        public boolean keep(String path, long expectedSize) {
            byte[] old = previous.get(path);
            if (old == null || old.length != expectedSize) return false;
            kept.add(path);
            return true;
        }

        @Override
        public WriteStats commit() {
            return null;
        }

        @Override
        public void abort() {}
    }
}
