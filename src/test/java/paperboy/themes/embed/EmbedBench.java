package paperboy.themes.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paperboy.model.Paper;
import paperboy.themes.ThemesBenchPapers;

/**
 * Cost of embedding papers: model load, then the sample's papers (repeated to {@code count}) with 1 and with all
 * cores. Not a test: {@code java -cp target/test-classes:target/paperboy.jar paperboy.themes.embed.EmbedBench 600}.
 */
public final class EmbedBench {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 414;
        List<Paper> sample = ThemesBenchPapers.sample();
        List<String> texts = new ArrayList<>();
        for (int i = 0; texts.size() < count; i++) texts.add(PaperText.of(sample.get(i % sample.size())));
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : new int[] {1, cores}) {
            BgeSmallEmbedder e = new BgeSmallEmbedder(threads);
            long t0 = System.nanoTime();
            e.embed(List.of("warm up: the model loads here."));
            double load = (System.nanoTime() - t0) / 1e6;
            e.embed(texts.subList(0, Math.min(40, texts.size()))); // JIT and ONNX Runtime warm
            t0 = System.nanoTime();
            long cpu0 = paperboy.themes.ThemesBenchPapers.processCpuNanos();
            e.embed(texts);
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpu = (paperboy.themes.ThemesBenchPapers.processCpuNanos() - cpu0) / 1e6;
            System.out.printf(Locale.ROOT, "%d thread(s): model load %.0f ms, %d papers %.0f ms = %.1f ms per paper"
                    + " (%.1f ms CPU per paper)%n", threads, load, texts.size(), ms, ms / texts.size(), cpu / texts.size());
        }
    }
}
