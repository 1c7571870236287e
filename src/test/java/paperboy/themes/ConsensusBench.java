package paperboy.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import paperboy.model.Paper;
import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.TermAnalyzer;

/**
 * What the consensus costs beside one k-means run: fits the automatic themes of synthetic corpora (the sample's
 * vocabulary, {@link ThemesBench#synthetic}) joined with 384-dimension embeddings (words hashed, so papers that
 * share words are close) at the product's weight, the two ways interleaved, and prints the median wall and CPU
 * time of each. Above 1,500 papers both fit on a sample of 1,500. Not a test:
 * {@code java -cp target/test-classes:target/paperboy.jar paperboy.themes.ConsensusBench [sizes...]}.
 */
public final class ConsensusBench {
    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {207, 1500, 3000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<Paper> sample = ThemesBench.samplePapers();
        double w = ThemeEngine.Weights.EMBEDDINGS.auto();
        AutoClustering.Options consensus = ThemeEngine.Weights.EMBEDDINGS.clustering();
        for (int n : sizes) {
            List<Paper> papers = n <= sample.size() ? sample.subList(0, n) : ThemesBench.synthetic(sample, n);
            Corpus corpus = Corpus.of(papers, new TermAnalyzer()).withEmbeddings(hashed(papers), w);
            List<Integer> all = IntStream.range(0, papers.size()).boxed().toList();
            AutoClustering.fit(corpus, all, 4, 24, AutoClustering.Options.KMEANS); // warm-up
            List<double[]> kmeans = new ArrayList<>(), agreed = new ArrayList<>();
            int kK = 0, kC = 0;
            for (int r = 0; r < 3; r++) {
                kK = time(corpus, all, AutoClustering.Options.KMEANS, kmeans);
                kC = time(corpus, all, consensus, agreed);
            }
            System.out.printf(Locale.ROOT, "%d papers: k-means %s (%d themes), consensus %s (%d themes)%n",
                    n, median(kmeans), kK, median(agreed), kC);
        }
    }

    private static int time(Corpus corpus, List<Integer> all, AutoClustering.Options o, List<double[]> out) {
        long t0 = System.nanoTime(), c0 = ThemesBench.processCpuNanos();
        AutoClustering.Fit f = AutoClustering.fit(corpus, all, 4, 24, o);
        out.add(new double[] {(System.nanoTime() - t0) / 1e9, (ThemesBench.processCpuNanos() - c0) / 1e9});
        return f.themes().size();
    }

    private static String median(List<double[]> xs) {
        double[] wall = xs.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] cpu = xs.stream().mapToDouble(x -> x[1]).sorted().toArray();
        return String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU", wall[wall.length / 2], cpu[cpu.length / 2]);
    }

    /** Each paper's words hashed into 384 dimensions, as a unit vector. */
    static float[][] hashed(List<Paper> papers) {
        float[][] out = new float[papers.size()][384];
        for (int i = 0; i < out.length; i++) {
            Paper p = papers.get(i);
            String text = p.title() + " " + p.abstractRaw().orElse("");
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() > 3) out[i][(word.hashCode() & 0x7fffffff) % 384] += 1;
            }
            double norm = 0;
            for (float x : out[i]) norm += x * x;
            for (int d = 0; d < 384 && norm > 0; d++) out[i][d] /= (float) Math.sqrt(norm);
        }
        return out;
    }
}
