package paperboy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import paperboy.incremental.BuildCache;
import paperboy.model.Digest;
import paperboy.render.Output;
import paperboy.render.Page;
import paperboy.render.PagedRenderer;
import paperboy.render.RenderContext;
import paperboy.render.RenderException;
import paperboy.render.Renderer;
import paperboy.testing.Samples;
import paperboy.write.SiteSink;
import paperboy.write.WriteStats;

/** How the render and write stage hands files to the site: as they are made, and never after a failure. */
class SiteOutputTest {
    private final Digest digest = Samples.sampleDigest();
    private final RenderContext ctx = Samples.context(Samples.config());

    /** The files a build put, by path; aborted once the build gave up. */
    static final class Recording implements SiteSink {
        final Map<String, String> files = new ConcurrentHashMap<>();
        volatile boolean aborted;

        @Override
        public void put(Output o) {
            files.put(o.path(), new String(o.bytes(), StandardCharsets.UTF_8));
        }

        @Override
        public boolean keep(String path, long expectedSize) {
            return false;
        }

        @Override
        public WriteStats commit() {
            return new WriteStats(files.size(), files.size(), 0, 0);
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    /** A format of files that are not pages, made by {@code body} from the sink it is given. */
    private static Renderer format(String name, Consumer<Consumer<Output>> body) {
        return new Renderer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Output> render(Digest d, RenderContext c) {
                throw new AssertionError("the build hands each file over as it is made");
            }

            @Override
            public void render(Digest d, RenderContext c, Consumer<Output> sink) {
                body.accept(sink);
            }
        };
    }

    private static Output file(String path, String text, String producer) {
        return new Output(path, text.getBytes(StandardCharsets.UTF_8), producer);
    }

    @Test
    void aFormatsFilesReachTheSiteAsTheyAreMadeNotWhenItIsDone() throws Exception {
        Recording site = new Recording();
        // The second file is made only once the first is in the site: a build that held the files till the
        // format is done would wait here for ever.
        Renderer data = format("data", sink -> {
            sink.accept(file("data/a.json", "{\"a\":1}", "data"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!site.files.containsKey("data/a.json")) {
                if (System.nanoTime() > deadline) throw new AssertionError("data/a.json was not written when made");
                Thread.onSpinWait();
            }
            sink.accept(file("data/b.json", "{\"b\":2}", "data"));
        });
        SiteOutput.Result r = SiteOutput.run(new SiteRenderer(List.of(data)), digest, ctx, site, BuildCache.empty(), false);
        assertThat(site.files).containsEntry("data/a.json", "{\"a\":1}").containsEntry("data/b.json", "{\"b\":2}");
        assertThat(r.files()).containsOnlyKeys("data/a.json", "data/b.json");
        assertThat(r.files().get("data/b.json").size()).isEqualTo(7);
    }

    @Test
    void aFailingPageStopsTheOtherFormatsBeforeTheBuildGivesUp() throws Exception {
        Recording site = new Recording();
        CountDownLatch writing = new CountDownLatch(1);
        // A format that would go on making files for a long time.
        Renderer search = format("search", sink -> {
            for (int i = 0; i < 10_000_000; i++) {
                sink.accept(file("search/" + i + ".js", "x", "search"));
                writing.countDown();
            }
        });
        PagedRenderer pages = new PagedRenderer() {
            @Override
            public String name() {
                return "pages";
            }

            @Override
            public List<Page> pages(Digest d, RenderContext c) {
                return List.of(new Page("broken/index.html", "day.ftlh", () -> {
                    try {
                        writing.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new RenderException("templates/day.ftlh:3: the page is broken");
                }));
            }
        };
        assertThatThrownBy(() -> SiteOutput.run(new SiteRenderer(List.of(pages, search)), digest, ctx, site,
                BuildCache.empty(), false))
                .isInstanceOf(RenderException.class).hasMessageContaining("the page is broken");
        // Once run has returned, nothing more reaches the site: the caller may now delete the new folder.
        int afterFailure = site.files.size();
        Thread.sleep(300);
        assertThat(site.files).hasSize(afterFailure).doesNotContainKey("broken/index.html");
        assertThat(afterFailure).isBetween(1, 10_000_000 - 1);
    }

    @Test
    void twoFormatsWritingOnePathAreNamedInAFixedOrder() {
        Renderer first = format("zeta", sink -> sink.accept(file("same.txt", "z", "zeta")));
        Renderer second = format("alpha", sink -> sink.accept(file("same.txt", "a", "alpha")));
        assertThatThrownBy(() -> SiteOutput.run(new SiteRenderer(List.of(first, second)), digest, ctx, new Recording(),
                BuildCache.empty(), false))
                .isInstanceOf(RenderException.class)
                .hasMessage("two outputs would be written to the same path: same.txt (from alpha and zeta)");
    }
}
