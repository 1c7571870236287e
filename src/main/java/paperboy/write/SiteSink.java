package paperboy.write;

import java.util.Collection;
import java.util.function.Predicate;
import java.io.IOException;
import paperboy.render.Output;

/** Where a build sends the files of the new site, one by one; {@link #put} and {@link #keep} are thread-safe. */
public interface SiteSink {

    /** Adds a file. */
    void put(Output o) throws IOException;

    /**
     * Keeps the previous build's file at {@code path} as it is, without reading it (the caller knows it is
     * current). False when there is no such file of that size: then the caller must {@link #put} it.
     */
    boolean keep(String path, long expectedSize) throws IOException;

    /**
     * Keeps every file of {@code previous} that this build does not put (a build that renders only what a change
     * reaches), but for those {@code rewritten} says every build writes whole: those it did not put are stale and
     * go. The site is then not walked for stale files. Only over an existing site (in place).
     */
    default void keepUnrendered(Collection<String> previous, Predicate<String> rewritten) {
        throw new UnsupportedOperationException("only a site updated in place keeps what it does not render");
    }

    /** Makes the new site the site. */
    WriteStats commit() throws IOException;

    /** Drops the new site; the previous one stays as it was. */
    void abort();
}
