package paperboy.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import paperboy.render.Output;

/**
 * Updates an existing site in place, for incremental builds where few files change: kept files are not
 * touched at all, changed files replace the old ones one by one (each by an atomic rename), files the new
 * site no longer has are deleted. Faster than rebuilding the folder and swapping it when the site has many
 * thousands of files.
 *
 * <p>Nothing is written until {@link SiteSink#commit}: the changed files are held in memory until then, so a
 * build that fails while rendering leaves the site as it was. Only an I/O error during the commit itself can
 * leave a mix of old and new files; the build cache is gone by then, so the next build is a full one.
 */
public final class InPlaceWriter {

    public SiteSink open(Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) throw new IOException(outDir + ": no site to update in place");
        SiteWriter.refuseToReplaceNonSite(target); // stale files are deleted: the same care as replacing it
        return new Session(target);
    }

    private static final class Session implements SiteSink {
        private final Path site;
        private final List<Output> changed = new ArrayList<>();
        private final Set<String> paths = ConcurrentHashMap.newKeySet();
        private final AtomicInteger kept = new AtomicInteger();
        private final AtomicLong keptBytes = new AtomicLong();

        Session(Path site) {
            this.site = site;
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
        public WriteStats commit() throws IOException {
            AtomicInteger written = new AtomicInteger(), same = new AtomicInteger();
            AtomicLong bytes = new AtomicLong(keptBytes.get());
            try {
                // Files are independent: written on every core (a day that re-themes the site changes most pages).
                changed.parallelStream().forEach(o -> {
                    try {
                        bytes.addAndGet(o.bytes().length);
                        if (replace(o)) written.incrementAndGet();
                        else same.incrementAndGet();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                removeStale();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return new WriteStats(paths.size(), written.get(), kept.get() + same.get(), bytes.get());
        }

        /** Writes one file by an atomic rename; false when the file already holds these bytes. */
        private boolean replace(Output o) throws IOException {
            Path dest = resolveInside(site, o.path());
            if (Files.isRegularFile(dest) && Files.size(dest) == o.bytes().length
                    && Arrays.equals(Files.readAllBytes(dest), o.bytes())) {
                return false;
            }
            Files.createDirectories(dest.getParent());
            Path tmp = dest.resolveSibling("." + dest.getFileName() + ".paperboy-tmp");
            Files.write(tmp, o.bytes());
            try {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        }

        /**
         * Deletes every file the new site does not have, and the folders that leaves empty. Only folders where
         * something was deleted are checked, so an unchanged site of many thousand folders costs one walk.
         */
        private void removeStale() throws IOException {
            Deque<boolean[]> deletedIn = new ArrayDeque<>();
            Files.walkFileTree(site, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    deletedIn.push(new boolean[1]);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String rel = site.relativize(file).toString().replace('\\', '/');
                    if (!paths.contains(rel)) {
                        Files.delete(file);
                        deletedIn.peek()[0] = true;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null) throw exc;
                    boolean deleted = deletedIn.pop()[0];
                    if (deleted && !d.equals(site)) {
                        try {
                            Files.delete(d);
                            if (!deletedIn.isEmpty()) deletedIn.peek()[0] = true;
                        } catch (DirectoryNotEmptyException e) {
                            // still holds pages of the new site
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
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
