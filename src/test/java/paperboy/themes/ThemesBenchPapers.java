package paperboy.themes;

import java.util.List;
import paperboy.model.Paper;

/** The sample content's papers, for benchmarks outside this package. */
public final class ThemesBenchPapers {
    private ThemesBenchPapers() {}

    public static long processCpuNanos() {
        return ThemesBench.processCpuNanos();
    }

    public static List<Paper> sample() throws Exception {
        return ThemesBench.samplePapers();
    }
}
