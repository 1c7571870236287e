package paperboy.build;

import java.util.List;
import paperboy.problems.Problem;

/** The build stopped on problems the user can fix; nothing was written. */
public final class BuildFailed extends Exception {
    private final List<Problem> problems;

    public BuildFailed(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
