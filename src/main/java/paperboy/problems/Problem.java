package paperboy.problems;

import paperboy.model.SourceRef;

/** Something a user can act on, printed as {@code path:line: message}. */
public record Problem(SourceRef where, Severity severity, String message) implements Comparable<Problem> {

    public static Problem error(SourceRef where, String message) {
        return new Problem(where, Severity.ERROR, message);
    }

    public static Problem warning(SourceRef where, String message) {
        return new Problem(where, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Problem o) {
        return where.compareTo(o.where);
    }

    @Override
    public String toString() {
        return where + ": " + (isError() ? "" : "warning: ") + message;
    }
}
