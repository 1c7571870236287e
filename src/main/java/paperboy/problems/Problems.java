package paperboy.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import paperboy.model.SourceRef;

/**
 * Collects every problem of one build, so a run reports all of them, not just the first.
 * One instance per build; thread-safe so parallel parsing can report into it.
 */
public final class Problems {
    private final List<Problem> all = Collections.synchronizedList(new ArrayList<>());

    public void error(SourceRef where, String message) {
        all.add(Problem.error(where, message));
    }

    public void warning(SourceRef where, String message) {
        all.add(Problem.warning(where, message));
    }

    public void add(Problem p) {
        all.add(p);
    }

    public boolean hasErrors() {
        synchronized (all) {
            return all.stream().anyMatch(Problem::isError);
        }
    }

    /** Sorted by file and line, so output is the same whatever order files were parsed in. */
    public List<Problem> sorted() {
        synchronized (all) {
            return all.stream().sorted().toList();
        }
    }

    public long count(Severity severity) {
        synchronized (all) {
            return all.stream().filter(p -> p.severity() == severity).count();
        }
    }
}
