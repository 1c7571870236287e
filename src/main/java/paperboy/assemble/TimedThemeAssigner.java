package paperboy.assemble;

import java.util.List;
import paperboy.model.Paper;
import paperboy.problems.Problems;

/** Measures how long another assigner takes, so a build can report themes as a phase of its own. */
public final class TimedThemeAssigner implements ThemeAssigner {
    private final ThemeAssigner inner;
    private long nanos;

    public TimedThemeAssigner(ThemeAssigner inner) {
        this.inner = inner;
    }

    @Override
    public Assignment assign(List<Paper> papers) {
        return assign(papers, new Problems());
    }

    @Override
    public Assignment assign(List<Paper> papers, Problems problems) {
        long t0 = System.nanoTime();
        try {
            return inner.assign(papers, problems);
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    @Override
    public ThemeAssigner cachedFor(java.nio.file.Path outDir) {
        return new TimedThemeAssigner(inner.cachedFor(outDir));
    }

    /** Total time spent assigning, in milliseconds. */
    public long millis() {
        return nanos / 1_000_000;
    }
}
