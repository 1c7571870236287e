package paperboy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.problems.Problems;

/** The output stage says how many units it will do, then counts every one of them, then ends. */
class ProgressTest {
    @TempDir
    Path out;

    static final class Counting implements Progress {
        final AtomicLong total = new AtomicLong(-1), steps = new AtomicLong(), done = new AtomicLong();

        @Override
        public void start(long total) {
            this.total.set(total);
        }

        @Override
        public void step() {
            steps.incrementAndGet();
        }

        @Override
        public void done() {
            done.incrementAndGet();
        }
    }

    @Test
    void everyPageEditionAndFeedIsCounted() throws Exception {
        SiteConfig config = ConfigLoader.load(Path.of("paperboy.yml"), true, new Problems()).orElseThrow();
        Counting progress = new Counting();
        SiteBuild.Report r = new SiteBuild(SiteRenderer.standard()).withProgress(progress)
                .run(new SiteBuild.Request(Path.of("content"), out, Path.of("templates"), config, ThemeAssigner.none()));
        // 221 templated pages of the sample (215, an archive year, 3 weeks and 2 months) plus its e-mail editions and feeds
        assertThat(r.pages().rendered()).isEqualTo(221);
        assertThat(progress.total.get()).isGreaterThan(221);
        assertThat(progress.steps.get()).isEqualTo(progress.total.get());
        assertThat(progress.done.get()).isEqualTo(1);
    }
}
