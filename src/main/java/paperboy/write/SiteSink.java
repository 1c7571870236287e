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
     * Keeps every file of the previous site that this build does not put (a build that renders only what a change
     * reaches), but for {@code stale}, which go. The site is then not walked for stale files. Only over an
     * existing site (in place).
     *
     * @param previousCount how many files the previous site has
     * @param previous      whether the previous site has a file (asked only of the files this build puts or keeps)
     */
    default void keepUnrendered(int previousCount, Predicate<String> previous, Collection<String> stale) {
        throw new UnsupportedOperationException("only a site updated in place keeps what it does not render");
    }

    /** Makes the new site the site. */
    WriteStats commit() throws IOException;

    /** Drops the new site; the previous one stays as it was. */
    void abort();
}
