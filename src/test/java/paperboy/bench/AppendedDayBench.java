package paperboy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.build.SiteBuild;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.problems.Problems;
import paperboy.themes.Themes;

/**
 * The themes phase of a daily build: {@code assign} (what a build does today: read the theme cache, analyse and
 * vectorise every paper, index, place and rank them all) against {@code assignAppended} (the new day's papers
 * only) for one new day of a generated archive, interleaved, medians; checks both give the same assignment.
 *
 * <pre>
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) paperboy.bench.AppendedDayBench \
 *     CONTENT WORKDIR [RUNS] [MODE] [THEME_CACHE_TO_START_FROM]
 * </pre>
 * CONTENT is a generated corpus ({@link CorpusGenerator}) whose last day is in the month of the day before; the
 * optional theme cache (of an earlier build of the same corpus) spares growing the themes' lineage from nothing.
 */
public final class AppendedDayBench {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]), work = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String mode = args.length > 3 ? args[3] : "auto";
        Files.createDirectories(work);
        Path site = work.resolve("site");
        if (args.length > 4) Files.copy(Path.of(args[4]), work.resolve(".site.themes"), StandardCopyOption.REPLACE_EXISTING);
        long t0 = System.nanoTime();
        SiteBuild.Request req = new SiteBuild.Request(content, work.resolve("unused"), Path.of("templates"),
                SiteConfig.defaults(), ThemeAssigner.none());
        paperboy.model.Digest afterDigest = SiteBuild.digest(req, new Problems());
        List<Paper> after = afterDigest.papers();
        LocalDate last = after.stream().map(Paper::lastSeen).max(Comparator.naturalOrder()).orElseThrow();
        List<Paper> before = upTo(after, last.minusDays(1));
        Set<String> had = before.stream().map(Paper::slug).collect(Collectors.toSet());
        Set<String> added = after.stream().map(Paper::slug).filter(s -> !had.contains(s)).collect(Collectors.toSet());
        System.out.printf("%,d papers, %,d new on %s (loaded in %.1f s)%n", after.size(), added.size(), last,
                (System.nanoTime() - t0) / 1e9);

        ThemeAssigner themes = Themes.forBuild(ThemesConfig.defaults(), mode, Path.of("content")).cachedFor(site);
        t0 = System.nanoTime();
        Assignment previous = themes.assign(before, new Problems()); // the previous build: keeps the daily store
        System.out.printf("previous build's themes (%s): %.1f s%n", mode, (System.nanoTime() - t0) / 1e9);

        double[] full = new double[runs], daily = new double[runs], fullCpu = new double[runs], dailyCpu = new double[runs],
                dailyThread = new double[runs];
        Assignment expected = null;
        for (int r = 0; r < runs; r++) {
            System.gc();
            long a = System.nanoTime(), ac = cpu();
            Assignment f = themes.assign(after, new Problems());
            full[r] = (System.nanoTime() - a) / 1e6;
            fullCpu[r] = (cpu() - ac) / 1e6;
            System.gc();
            long b = System.nanoTime(), bc = cpu(), bt = THREADS.getCurrentThreadCpuTime();
            Optional<Assignment> d = themes.assignAppended(afterDigest, added, previous, new Problems());
            daily[r] = (System.nanoTime() - b) / 1e6;
            dailyCpu[r] = (cpu() - bc) / 1e6;
            dailyThread[r] = (THREADS.getCurrentThreadCpuTime() - bt) / 1e6;
            if (d.isEmpty()) throw new IllegalStateException("assignAppended declined");
            if (!d.get().equals(f)) throw new IllegalStateException("assignAppended differs from assign");
            expected = f;
            System.out.printf("run %d: assign %.0f ms (CPU %.0f), assignAppended %.1f ms (CPU %.1f, its thread %.1f)%n",
                    r + 1, full[r], fullCpu[r], daily[r], dailyCpu[r], dailyThread[r]);
        }
        System.out.printf("%s, %,d papers, %d new, %d themes, medians of %d: assign %.0f ms wall, %.0f ms CPU;"
                        + " assignAppended %.1f ms wall, %.1f ms CPU, %.1f ms its thread (the first run: %.0f and %.1f ms"
                        + " wall)%n", mode, after.size(), added.size(), expected.themes().size(), runs, median(full),
                median(fullCpu), median(daily), median(dailyCpu), median(dailyThread), full[0], daily[0]);
    }

    /** The JVM's threads, for one thread's CPU time; also used by the themes' benches. */
    public static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the whole process (all threads, the JIT's and the collector's too). */
    public static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The papers as a build on {@code day} sees them, every field kept but the days after it. */
    public static List<Paper> upTo(List<Paper> all, LocalDate day) {
        List<Paper> out = new ArrayList<>();
        for (Paper p : all) {
            List<LocalDate> days = p.days().stream().filter(d -> !d.isAfter(day)).toList();
            if (days.isEmpty()) continue;
            out.add(days.size() == p.days().size() ? p : new Paper(p.slug(), p.title(), p.abstractRaw(), days,
                    p.titleVariants(), p.abstractVariants(), p.themes(), p.related(), p.firstSource(), p.arxivId(),
                    p.authors(), p.upvotes()));
        }
        return out;
    }

    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
