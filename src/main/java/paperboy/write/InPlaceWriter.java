package paperboy.write;

import java.util.Collection;
import java.util.function.Predicate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import paperboy.render.Output;

/**
 * Updates an existing site in place, for incremental builds where few files change: kept files are not
 * touched at all, changed files replace the old ones, files the new site no longer has are deleted. Faster
 * than rebuilding the folder and swapping it when the site has many thousands of files.
 *
 * <p>Nothing is written until {@link SiteSink#commit}: the changed files are held in memory until then, so a
 * build that fails while rendering leaves the site as it was. The commit itself goes through a
 * {@link CommitJournal}: killed or failed at any point, the site is the old one or (after the next build's
 * {@link SiteRecovery}) the new one.
 */
public final class InPlaceWriter {
    private final CommitJournal.Steps steps;

    public InPlaceWriter() {
        this(CommitJournal.Steps.NONE);
    }

    /** For tests: {@code steps} is told of every change to the file system before it is made. */
    InPlaceWriter(CommitJournal.Steps steps) {
        this.steps = steps;
    }

    public SiteSink open(Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) throw new IOException(outDir + ": no site to update in place");
        SiteWriter.refuseToReplaceNonSite(target); // stale files are deleted: the same care as replacing it
        return new Session(target, steps);
    }

    private static final class Session implements SiteSink {
        private final Path site;
        private final CommitJournal.Steps steps;
        private final List<Output> changed = new ArrayList<>();
        private final Set<String> paths = ConcurrentHashMap.newKeySet();
        private final AtomicInteger kept = new AtomicInteger();
        /** The previous site's files no renderer was asked for and none rewrites whole: kept (see {@link #stale}). */
        private int keptUnrendered;
        private final AtomicLong keptBytes = new AtomicLong();
        /** Set by {@link #keepUnrendered}: the previous site's file count, its files, and those to remove. */
        private int previousCount = -1;
        private Predicate<String> previous;
        private Collection<String> unrenderedStale;

        Session(Path site, CommitJournal.Steps steps) {
            this.site = site;
            this.steps = steps;
        }

        @Override
        public void put(Output o) throws IOException {
            resolveInside(site, o.path());
            synchronized (changed) {
                changed.add(o);
            }
            paths.add(o.path());
        }

        @Override
        public boolean keep(String path, long expectedSize) throws IOException {
            Path p = resolveInside(site, path);
            try {
                if (Files.size(p) != expectedSize) return false;
            } catch (NoSuchFileException e) {
                return false;
            }
            paths.add(path);
            kept.incrementAndGet();
            keptBytes.addAndGet(expectedSize);
            return true;
        }

        @Override
        public void keepUnrendered(int previousCount, Predicate<String> previous, Collection<String> stale) {
            this.previousCount = previousCount;
            this.previous = previous;
            this.unrenderedStale = stale;
        }

        @Override
        public WriteStats commit() throws IOException {
            AtomicInteger same = new AtomicInteger();
            AtomicLong bytes = new AtomicLong(keptBytes.get());
            Set<String> puts = ConcurrentHashMap.newKeySet();
            CommitJournal journal = new CommitJournal(site, steps);
            boolean committed;
            try {
                journal.begin();
                // Files are independent: staged on every core (a day that re-themes the site changes most pages).
                // With a test's step hook, one by one, so that a simulated kill stops everything at once.
                (steps == CommitJournal.Steps.NONE ? changed.parallelStream() : changed.stream()).forEach(o -> {
                    try {
                        bytes.addAndGet(o.bytes().length);
                        if (unchanged(o)) {
                            same.incrementAndGet();
                        } else {
                            journal.stage(o.path(), o.bytes());
                            puts.add(o.path());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (!Files.exists(site.resolve(OutputFolder.MARKER))) {
                    journal.stage(OutputFolder.MARKER, OutputFolder.MARKER_TEXT);
                    puts.add(OutputFolder.MARKER);
                }
                List<String> deletes = stale();
                committed = !puts.isEmpty() || !deletes.isEmpty();
                if (committed) journal.commit(deletes, puts.stream().sorted().toList());
                else journal.rollback();
            } catch (UncheckedIOException e) {
                journal.rollback();
                throw e.getCause();
            } catch (IOException | RuntimeException e) {
                journal.rollback();
                throw e;
            }
            if (committed) {
                try {
                    journal.apply();
                } catch (IOException e) {
                    throw new CommitUnfinished(site, e);
                }
            }
            return new WriteStats(paths.size() + keptUnrendered, puts.size(), kept.get() + keptUnrendered + same.get(),
                    bytes.get());
        }

        /** True when the file already holds these bytes. */
        private boolean unchanged(Output o) throws IOException {
            Path dest = resolveInside(site, o.path());
            return Files.isRegularFile(dest) && Files.size(dest) == o.bytes().length
                    && Arrays.equals(Files.readAllBytes(dest), o.bytes());
        }

        /** Every file the new site does not have (the marker stays: it says paperboy made the folder). */
        private List<String> stale() throws IOException {
            List<String> stale = new ArrayList<>();
            if (previousCount >= 0) {
                for (String p : unrenderedStale) if (!paths.contains(p) && !p.equals(OutputFolder.MARKER)) stale.add(p);
                // The files kept unrendered are counted, not listed: a day keeps 150,000 files at ten years.
                int notKept = stale.size() + (previous.test(OutputFolder.MARKER) ? 1 : 0);
                for (String p : paths) if (!p.equals(OutputFolder.MARKER) && previous.test(p)) notKept++;
                keptUnrendered = previousCount - notKept;
                stale.sort(null);
                return stale;
            }
            Files.walkFileTree(site, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = site.relativize(file).toString().replace('\\', '/');
                    if (!paths.contains(rel) && !rel.equals(OutputFolder.MARKER)) stale.add(rel);
                    return FileVisitResult.CONTINUE;
                }
            });
            stale.sort(null);
            return stale;
        }

        @Override
        public void abort() {
            synchronized (changed) {
                changed.clear();
            }
        }
    }

    private static Path resolveInside(Path root, String rel) throws IOException {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) throw new IOException("output path outside the site: " + rel);
        return p;
    }
}
