package paperboy.write;

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

    /** Makes the new site the site. */
    WriteStats commit() throws IOException;

    /** Drops the new site; the previous one stays as it was. */
    void abort();
}
