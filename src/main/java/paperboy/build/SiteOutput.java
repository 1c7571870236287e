package paperboy.build;

import paperboy.incremental.BuildCache;
import paperboy.incremental.ModelHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import paperboy.model.Digest;
import paperboy.render.Output;
import paperboy.render.Page;
import paperboy.render.PagedRenderer;
import paperboy.render.RenderContext;
import paperboy.render.RenderException;
import paperboy.render.Renderer;
import paperboy.render.Unit;
import paperboy.render.UnitRenderer;
import paperboy.write.SiteSink;

/**
 * The render and write stages run together: each page is rendered and written as soon as it is ready, on every
 * core, so no build holds the whole site in memory. A templated page whose view model has the same fingerprint
 * as in the previous build (and whose file is still there) is not rendered again: its file is linked as it is.
 */
public final class SiteOutput {

    /**
     * @param files        every file written, with its fingerprint and size, for the next build's cache
     * @param rendered     templated pages rendered
     * @param reused       templated pages kept from the previous build without rendering
     * @param renderNanos  time threads spent building view models and rendering, summed over threads
     * @param writeNanos   time threads spent writing and linking files, summed over threads
     * @param byRenderer   per renderer, the thread time it took to list its pages and render them (not writing),
     *                     in milliseconds: where a build's render time goes
     */
    public record Result(Map<String, BuildCache.Entry> files, int rendered, int reused, long renderNanos,
                         long writeNanos, Map<String, Long> byRenderer) {}

    private SiteOutput() {}

    /** As {@link #run(SiteRenderer, Digest, RenderContext, SiteSink, BuildCache, boolean, Progress)}, quietly. */
    public static Result run(SiteRenderer site, Digest digest, RenderContext ctx, SiteSink session,
                             BuildCache previous, boolean fingerprint) throws IOException {
        return run(site, digest, ctx, session, previous, fingerprint, Progress.none());
    }

    /**
     * @param fingerprint compute page fingerprints for the next build's cache; a full build without a cache
     *                    skips that work
     * @param progress    told of every page, edition or feed done
     */
    public static Result run(SiteRenderer site, Digest digest, RenderContext ctx, SiteSink session,
                             BuildCache previous, boolean fingerprint, Progress progress) throws IOException {
        Map<String, String> producers = new ConcurrentHashMap<>();
        Map<String, BuildCache.Entry> files = new ConcurrentHashMap<>();
        AtomicInteger rendered = new AtomicInteger(), reused = new AtomicInteger();
        LongAdder renderNanos = new LongAdder(), writeNanos = new LongAdder();
        Map<String, LongAdder> byRenderer = new ConcurrentHashMap<>();
        // The other formats (data, assets, feeds...) render alongside the pages: on a small site most of their
        // time is class loading and warm-up, which overlaps well. Everything runs in one fork-join pool of this
        // build, parallel streams inside renderers (feeds, e-mail editions) included, and this thread only
        // waits: a thread outside a pool that runs a parallel stream spins while it waits for stolen work,
        // which on two cores takes CPU from the threads doing it.
        ForkJoinPool pool = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        // Set on the first failure: the other formats stop handing over files, so none is written once the
        // caller may be deleting the session's folder.
        AtomicBoolean stop = new AtomicBoolean();
        Map<Renderer, Future<Void>> early = new LinkedHashMap<>();
        try {
            for (Renderer r : site.renderers()) {
                if (!(r instanceof PagedRenderer) && !(r instanceof UnitRenderer)) {
                    // Each file is written as soon as it is made: the data and search files of a large archive
                    // (hundreds of MB) are not held until the pages before them are done.
                    early.put(r, CompletableFuture.runAsync(() -> stream(r, digest, ctx, session, producers, files,
                            stop, renderNanos, writeNanos, byRenderer), pool));
                }
            }
            Map<Renderer, List<Unit>> unitsOf = new LinkedHashMap<>();
            for (Renderer r : site.renderers()) {
                long t0 = System.nanoTime();
                if (r instanceof PagedRenderer paged) {
                    unitsOf.put(r, paged.pages(digest, ctx).stream().map(p -> unit(p, paged, ctx)).toList());
                } else if (r instanceof UnitRenderer unitRenderer) {
                    unitsOf.put(r, unitRenderer.units(digest, ctx));
                }
                time(byRenderer, r, System.nanoTime() - t0);
            }
            progress.start(unitsOf.values().stream().mapToLong(List::size).sum());
            try {
                for (Renderer r : site.renderers()) {
                    if (unitsOf.containsKey(r)) {
                        List<Unit> units = unitsOf.get(r);
                        // A failing page must not leave other pages still being written while the caller aborts
                        // the session (and deletes its folder): the first failure stops the rest, and is thrown
                        // only once every page task has returned.
                        AtomicReference<RuntimeException> failure = new AtomicReference<>();
                        CompletableFuture.runAsync(() -> units.parallelStream().forEach(u -> {
                            if (failure.get() != null) return;
                            try {
                                unit(u, r, session, previous, fingerprint, producers, files, rendered, reused,
                                        renderNanos, writeNanos, byRenderer);
                                progress.step();
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                            }
                        }), pool).join();
                        if (failure.get() != null) throw failure.get();
                    } else {
                        result(early.get(r));
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } catch (IOException | RuntimeException | Error e) {
            stop.set(true);
            // Every format that is still writing stops at its next file; only then may the caller abort.
            for (Future<Void> f : early.values()) {
                try {
                    f.get();
                } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException ignored) {
                    // the first failure is the one reported
                }
            }
            throw e;
        } finally {
            pool.shutdown();
            progress.done();
        }
        Map<String, Long> millis = new java.util.TreeMap<>();
        byRenderer.forEach((name, nanos) -> millis.put(name, nanos.sum() / 1_000_000));
        return new Result(Map.copyOf(files), rendered.get(), reused.get(), renderNanos.sum(), writeNanos.sum(),
                millis);
    }

    private static void time(Map<String, LongAdder> byRenderer, Renderer r, long nanos) {
        byRenderer.computeIfAbsent(r.name(), n -> new LongAdder()).add(nanos);
    }

    /** A page as a unit of one file. */
    private static Unit unit(Page p, PagedRenderer r, RenderContext ctx) {
        return new Unit(List.of(p.path()), p.template(), p.model(),
                model -> List.of(r.render(new Page(p.path(), p.template(), () -> model), ctx)), p.inputs());
    }

    /**
     * Renders and writes one unit (a page, an e-mail edition), or keeps its files from the previous build when
     * its model is unchanged. Counts as pages only the units of one file (templated pages).
     */
    private static void unit(Unit u, Renderer r, SiteSink session, BuildCache previous, boolean fingerprint,
                             Map<String, String> producers, Map<String, BuildCache.Entry> files,
                             AtomicInteger rendered, AtomicInteger reused, LongAdder renderNanos, LongAdder writeNanos,
                             Map<String, LongAdder> byRenderer) {
        for (String path : u.paths()) claim(producers, path, r.name());
        long t0 = System.nanoTime();
        // A unit that names its inputs is compared by them, and its view model built only if it must be rendered.
        Object model = fingerprint && u.inputs().isPresent() ? null : u.model().get();
        String fp = !fingerprint ? BuildCache.NOT_A_PAGE
                : model == null ? ModelHash.of(u.template() + " inputs", u.inputs().get().get())
                : ModelHash.of(u.template(), model);
        // Kept only if every file of the unit was made from the same model; a file that cannot be kept (gone,
        // another size) is made again. Files already kept are not written again: they are current.
        boolean same = fingerprint && !u.paths().isEmpty();
        for (String path : u.paths()) {
            same &= previous.page(path).filter(e -> e.fingerprint().equals(fp)).isPresent();
        }
        Set<String> kept = new HashSet<>();
        if (same) {
            for (String path : u.paths()) {
                BuildCache.Entry old = previous.page(path).orElseThrow();
                if (keep(session, path, old.size())) {
                    kept.add(path);
                    files.put(path, old);
                }
            }
            if (kept.size() == u.paths().size()) {
                writeNanos.add(System.nanoTime() - t0);
                if (u.paths().size() == 1) reused.incrementAndGet();
                return;
            }
        }
        if (model == null) model = u.model().get();
        List<Output> outputs = u.render().apply(model);
        long t1 = System.nanoTime();
        renderNanos.add(t1 - t0);
        time(byRenderer, r, t1 - t0);
        for (Output o : outputs) {
            if (!u.paths().contains(o.path())) {
                throw new RenderException(r.name() + " made " + o.path() + ", which is not among its files " + u.paths());
            }
            if (kept.contains(o.path())) continue;
            put(session, o);
            files.put(o.path(), new BuildCache.Entry(fp, o.bytes().length));
        }
        writeNanos.add(System.nanoTime() - t1);
        if (u.paths().size() == 1) rendered.incrementAndGet();
    }

    /** Renders one format of files that are not pages, writing each file as the renderer hands it over. */
    private static void stream(Renderer r, Digest digest, RenderContext ctx, SiteSink session,
                               Map<String, String> producers, Map<String, BuildCache.Entry> files, AtomicBoolean stop,
                               LongAdder renderNanos, LongAdder writeNanos, Map<String, LongAdder> byRenderer) {
        long t0 = System.nanoTime();
        LongAdder writing = new LongAdder();
        try {
            r.render(digest, ctx, o -> {
                if (stop.get()) throw new RenderException("stopped: another output failed");
                long t1 = System.nanoTime();
                claim(producers, o.path(), o.producer());
                put(session, o);
                files.put(o.path(), new BuildCache.Entry(BuildCache.NOT_A_PAGE, o.bytes().length));
                writing.add(System.nanoTime() - t1);
            });
        } finally {
            writeNanos.add(writing.sum());
            renderNanos.add(System.nanoTime() - t0 - writing.sum());
            time(byRenderer, r, System.nanoTime() - t0 - writing.sum());
        }
    }

    private static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new RenderException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static void claim(Map<String, String> producers, String path, String producer) {
        String prev = producers.putIfAbsent(path, producer);
        if (prev != null) {
            // Named in a fixed order: which of the two came first depends on the threads.
            String a = prev.compareTo(producer) <= 0 ? prev : producer, b = a == prev ? producer : prev;
            throw new RenderException("two outputs would be written to the same path: " + path + " (from " + a
                    + " and " + b + ")");
        }
    }

    private static boolean keep(SiteSink session, String path, long size) {
        try {
            return session.keep(path, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(SiteSink session, Output o) {
        try {
            session.put(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
