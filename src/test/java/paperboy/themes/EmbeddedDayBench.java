package paperboy.themes;

import static paperboy.bench.AppendedDayBench.THREADS;
import static paperboy.bench.AppendedDayBench.cpu;
import static paperboy.bench.AppendedDayBench.median;
import static paperboy.bench.AppendedDayBench.upTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.build.SiteBuild;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.problems.Problems;
import paperboy.themes.embed.BgeSmallEmbedder;
import paperboy.themes.embed.PaperEmbedder;

/**
 * The themes phase of a daily build with embeddings on: {@code assign} against {@code assignAppended} for the last
 * day of an archive, interleaved, medians, each result checked equal to the other; the time spent embedding the
 * new papers is measured apart and taken off (it is the model's, not the placement's).
 *
 * <pre>
 * java -Xmx3g -cp target/classes:target/test-classes:target/paperboy.jar paperboy.themes.EmbeddedDayBench \
 *     CONTENT WORKDIR [RUNS] [MODE] [bge|hashed] [THEME_CACHE_TO_START_FROM]
 * </pre>
 * {@code hashed} stands in for the model with words hashed into 384 dimensions (bge-small's): the same work for
 * the daily path, without the 57 ms of CPU per paper that embedding a generated archive of 12,800 papers would take.
 */
public final class EmbeddedDayBench {
    /** A model timed: how long its calls took, and how many texts they embedded. */
    static final class Timed implements PaperEmbedder {
        final PaperEmbedder model;
        final AtomicLong nanos = new AtomicLong(), cpu = new AtomicLong(), texts = new AtomicLong();

        Timed(PaperEmbedder model) {
            this.model = model;
        }

        @Override
        public String modelId() {
            return model.modelId();
        }

        @Override
        public int dimensions() {
            return model.dimensions();
        }

        @Override
        public List<float[]> embed(List<String> in) {
            long t = System.nanoTime(), c = cpu();
            try {
                return model.embed(in);
            } finally {
                nanos.addAndGet(System.nanoTime() - t);
                cpu.addAndGet(cpu() - c);
                texts.addAndGet(in.size());
            }
        }
    }

    /** Words hashed into 384 dimensions: a stand-in with bge-small's size. */
    static final class Hashed implements PaperEmbedder {
        @Override
        public String modelId() {
            return "hashed-words-384";
        }

        @Override
        public int dimensions() {
            return 384;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                float[] v = new float[384];
                for (String w : t.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    if (w.length() > 3) v[(w.hashCode() & 0x7fffffff) % 384] += 1;
                }
                double n = 0;
                for (float x : v) n += x * x;
                for (int i = 0; i < 384 && n > 0; i++) v[i] /= (float) Math.sqrt(n);
                out.add(v);
            }
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]), work = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String mode = args.length > 3 ? args[3] : "auto";
        boolean bge = args.length <= 4 || args[4].equals("bge");
        Files.createDirectories(work);
        Path site = work.resolve("site");
        if (args.length > 5) Files.copy(Path.of(args[5]), work.resolve(".site.themes"), StandardCopyOption.REPLACE_EXISTING);
        SiteBuild.Request req = new SiteBuild.Request(content, work.resolve("unused"), Path.of("templates"),
                SiteConfig.defaults(), ThemeAssigner.none());
        List<Paper> after = SiteBuild.digest(req, new Problems()).papers();
        LocalDate last = after.stream().map(Paper::lastSeen).max(Comparator.naturalOrder()).orElseThrow();
        List<Paper> before = upTo(after, last.minusDays(1));
        Set<String> had = before.stream().map(Paper::slug).collect(Collectors.toSet());
        Set<String> added = after.stream().map(Paper::slug).filter(s -> !had.contains(s)).collect(Collectors.toSet());
        System.out.printf("%,d papers, %,d new on %s%n", after.size(), added.size(), last);

        Timed model = new Timed(bge ? new BgeSmallEmbedder() : new Hashed());
        ThemeAssigner themes = Themes.forBuild(ThemesConfig.Mode.parse(mode).orElseThrow(), ThemesConfig.defaults(),
                Path.of("content"), Optional.of(model)).cachedFor(site);
        long t0 = System.nanoTime();
        Assignment previous = themes.assign(before, new Problems()); // the previous build: keeps the daily stores
        System.out.printf("previous build's themes (%s, %s): %.1f s, %,d texts embedded%n", mode, model.modelId(),
                (System.nanoTime() - t0) / 1e9, model.texts.get());

        double[] full = new double[runs], fullCpu = new double[runs], daily = new double[runs], dailyCpu = new double[runs],
                dailyThread = new double[runs], embedding = new double[runs];
        Assignment expected = null;
        paperboy.model.Digest afterDigest = AppendedDayTest.digestOf(after);
        for (int r = 0; r < runs; r++) {
            System.gc();
            long a = System.nanoTime(), ac = cpu();
            Assignment f = themes.assign(after, new Problems());
            full[r] = (System.nanoTime() - a) / 1e6;
            fullCpu[r] = (cpu() - ac) / 1e6;
            // The full build kept the new papers' vectors in the month's store: from the second run on they are read
            // from there, as a day's papers embedded at ingest would be; the first run embeds them (taken off).
            System.gc();
            long e0 = model.cpu.get(), n0 = model.nanos.get();
            long b = System.nanoTime(), bc = cpu(), bt = THREADS.getCurrentThreadCpuTime();
            Optional<Assignment> d = themes.assignAppended(afterDigest, added, previous, new Problems());
            long embedWall = model.nanos.get() - n0, embedCpu = model.cpu.get() - e0;
            daily[r] = (System.nanoTime() - b - embedWall) / 1e6;
            dailyCpu[r] = (cpu() - bc - embedCpu) / 1e6;
            dailyThread[r] = (THREADS.getCurrentThreadCpuTime() - bt) / 1e6 - embedCpu / 1e6;
            embedding[r] = embedWall / 1e6;
            if (d.isEmpty()) throw new IllegalStateException("assignAppended declined");
            if (!d.get().equals(f)) throw new IllegalStateException("assignAppended differs from assign");
            expected = f;
            System.out.printf(Locale.ROOT, "run %d: assign %.0f ms (CPU %.0f); assignAppended without embedding %.1f ms"
                            + " (CPU %.1f, its thread %.1f), embedding the new papers %.0f ms%n", r + 1, full[r],
                    fullCpu[r], daily[r], dailyCpu[r], dailyThread[r], embedding[r]);
        }
        System.out.printf(Locale.ROOT, "%s, %s, %,d papers, %d new, %d themes, medians of %d: assign %.0f ms wall, %.0f ms"
                        + " CPU; assignAppended without embedding %.1f ms wall, %.1f ms CPU, %.1f ms its thread;"
                        + " embedding the new papers %.0f ms wall%n", mode, model.modelId(), after.size(), added.size(),
                expected.themes().size(), runs, median(full), median(fullCpu), median(daily), median(dailyCpu),
                median(dailyThread), median(embedding));
    }
}
