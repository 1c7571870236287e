package paperboy.build;

import java.util.List;
import paperboy.problems.Problem;

/** The build stopped on problems the user can fix; nothing was written. */
public final class BuildFailed extends Exception {
    private final List<Problem> problems;
    private final boolean siteKept;

    public BuildFailed(String message, List<Problem> problems) {
        this(message, problems, true);
    }

    /** @param siteKept the previous site is as it was (false: the message says what state it is in) */
    public BuildFailed(String message, List<Problem> problems, boolean siteKept) {
        super(message);
        this.problems = List.copyOf(problems);
        this.siteKept = siteKept;
    }

    public boolean siteKept() {
        return siteKept;
    }

    public List<Problem> problems() {
        return problems;
    }
}
