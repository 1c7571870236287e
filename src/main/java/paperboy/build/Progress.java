package paperboy.build;

/**
 * Told how far the output stage is, for a progress bar. Called from the threads that render, so an
 * implementation must be thread-safe; the default does nothing.
 */
public interface Progress {
    /** {@code total} units (pages, feeds, editions...) are about to be rendered or kept. */
    void start(long total);

    /** One more unit is done. */
    void step();

    /** The stage is over, whatever happened. */
    void done();

    static Progress none() {
        return new Progress() {
            @Override
            public void start(long total) {}

            @Override
            public void step() {}

            @Override
            public void done() {}
        };
    }
}
