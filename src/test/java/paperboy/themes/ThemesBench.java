package paperboy.themes;

import paperboy.themes.text.Corpus;
import paperboy.themes.text.TermAnalyzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.problems.Problems;

/**
 * Clustering speed on the sample content and on large synthetic corpora made from its vocabulary. Not a test:
 * run {@code java -cp target/paperboy.jar:target/test-classes paperboy.themes.ThemesBench [sizes...]}.
 */
public final class ThemesBench {

    public static void main(String[] args) throws Exception {
        List<Paper> sample = samplePapers();
        ThemeEngine engine = new ThemeEngine(new TermAnalyzer(), 4, 24);
        long t0 = System.nanoTime();
        ThemeEngine.Clusters first = engine.cluster(sample);
        System.out.printf(Locale.ROOT, "sample, cold: %d papers, %.0f ms%n", sample.size(), (System.nanoTime() - t0) / 1e6);
        for (int i = 0; i < 30; i++) engine.assign(sample, Optional.empty(), new Problems()); // warm-up: JIT done
        int runs = 20;
        t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        for (int i = 0; i < runs; i++) engine.cluster(sample);
        System.out.printf(Locale.ROOT, "sample, warm: %.1f ms per analysis + clustering (%.1f ms CPU; k chosen %d, silhouette %.3f)%n",
                (System.nanoTime() - t0) / 1e6 / runs, (processCpuNanos() - cpu0) / 1e6 / runs, first.chosenK(), first.silhouette());
        t0 = System.nanoTime();
        cpu0 = processCpuNanos();
        for (int i = 0; i < runs; i++) engine.assign(sample, Optional.empty(), new Problems());
        System.out.printf(Locale.ROOT, "sample, warm: %.1f ms per full assignment with related papers (%.1f ms CPU)%n",
                (System.nanoTime() - t0) / 1e6 / runs, (processCpuNanos() - cpu0) / 1e6 / runs);
        TermAnalyzer analyzer = new TermAnalyzer();
        t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) Corpus.of(sample, analyzer);
        System.out.printf(Locale.ROOT, "sample, warm: %.1f ms per analysis + TF-IDF%n", (System.nanoTime() - t0) / 1e6 / runs);
        Corpus corpus = Corpus.of(sample, analyzer);
        t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) RelatedPapers.compute(corpus);
        System.out.printf(Locale.ROOT, "sample, warm: %.1f ms per related-papers pass%n", (System.nanoTime() - t0) / 1e6 / runs);
        for (ThemeEngine.Found f : first.themes()) {
            System.out.printf(Locale.ROOT, "  %3d  %s  [%s]%n", f.members().size(), f.name(), String.join(", ", f.keywords()));
        }
        System.out.printf(Locale.ROOT, "  %3d  Other%n", first.other().size());
        for (String a : args) {
            int n = Integer.parseInt(a);
            List<Paper> big = synthetic(sample, n);
            System.gc();
            long t = System.nanoTime();
            Corpus bigCorpus = Corpus.of(big, analyzer);
            double analysisMs = (System.nanoTime() - t) / 1e6;
            List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();
            t = System.nanoTime();
            ThemeEngine.Clusters c = engine.cluster(bigCorpus, all);
            double clusterMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            int[][] related = RelatedPapers.compute(bigCorpus);
            double relatedMs = (System.nanoTime() - t) / 1e6;
            System.out.printf(Locale.ROOT, "synthetic %d papers (%d terms): analysis + TF-IDF %.0f ms, clustering + naming %.0f ms"
                            + " (k %d, %d themes, %d other), related papers %.0f ms (%d for paper 0)%n",
                    n, bigCorpus.terms.length, analysisMs, clusterMs, c.chosenK(), c.themes().size(), c.other().size(),
                    relatedMs, related[0].length);
        }
    }

    /** CPU time of the whole process (all threads), which the machine's other load does not inflate. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static List<Paper> samplePapers() throws Exception {
        SiteBuild.Request req = new SiteBuild.Request(Path.of("content"), Path.of("target/bench-site"),
                Path.of("templates"), SiteConfig.defaults().withYear(2025), ThemeAssigner.none());
        return SiteBuild.digest(req, new Problems()).papers();
    }

    /**
     * Papers made by mixing sentences of two sample papers with the same first theme word... kept simple: each
     * synthetic paper takes the title words of one sample paper (shuffled) and sentences from it and from a
     * second, randomly chosen paper, so the vocabulary and its spread are the sample's.
     */
    static List<Paper> synthetic(List<Paper> sample, int n) {
        Random rng = new Random(7);
        List<Paper> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Paper a = sample.get(rng.nextInt(sample.size()));
            Paper b = sample.get(rng.nextInt(sample.size()));
            List<String> words = new ArrayList<>(List.of(a.title().split(" ")));
            java.util.Collections.shuffle(words, rng);
            StringBuilder abs = new StringBuilder();
            String[] sa = a.abstractRaw().orElse("").split("(?<=\\.) ");
            String[] sb = b.abstractRaw().orElse("").split("(?<=\\.) ");
            for (int s = 0; s < 6; s++) {
                String[] from = s % 3 == 2 ? sb : sa;
                abs.append(from[rng.nextInt(from.length)]).append(' ');
            }
            out.add(new Paper(String.format(Locale.ROOT, "p%06d", i), String.join(" ", words),
                    Optional.of(abs.toString().strip()), a.days(), 0, 0, List.of(), List.of(),
                    SourceRef.file(Path.of("synthetic")), Optional.empty(), List.of()));
        }
        return out;
    }
}
