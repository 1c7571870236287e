package paperboy.model;

import java.nio.file.Path;

/** A place in an input file, 1-based; column 0 means "the whole line". */
public record SourceRef(Path file, int line, int column) implements Comparable<SourceRef> {

    public static SourceRef of(Path file, int line) {
        return new SourceRef(file, line, 0);
    }

    public static SourceRef file(Path file) {
        return new SourceRef(file, 0, 0);
    }

    @Override
    public int compareTo(SourceRef o) {
        int c = file.toString().compareTo(o.file.toString());
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    /** {@code path:line:column}, as compilers print it, so editors can jump to it. */
    @Override
    public String toString() {
        String p = file.toString().replace('\\', '/');
        if (line <= 0) return p;
        return column > 0 ? p + ":" + line + ":" + column : p + ":" + line;
    }
}
