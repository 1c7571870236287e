package paperboy.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import paperboy.render.Output;

/**
 * Writes a site atomically: everything goes into a temporary folder beside the target, which then replaces
 * the target. A build that fails before or while writing leaves the previous site exactly as it was.
 *
 * <p>Only what changed is written: a file whose bytes equal the previous build's is hard-linked from it
 * (the old folder is deleted after the swap; the link keeps the data).
 */
public final class SiteWriter {

    public WriteStats write(List<Output> outputs, Path outDir) throws IOException {
        Session s = open(outDir);
        try {
            for (Output o : outputs) s.put(o);
        } catch (IOException | RuntimeException e) {
            s.abort();
            throw e;
        }
        return s.commit();
    }

    /**
     * Starts writing a site file by file, so a large site never has to be held in memory whole. Nothing is
     * visible at {@code outDir} until {@link Session#commit}.
     */
    public Session open(Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new IOException(outDir + ": cannot write a site to the file system root");
        Files.createDirectories(parent);
        refuseToReplaceNonSite(target);
        Path previous = Files.isDirectory(target) ? target : null;
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        readableByAll(temp); // temp folders are created owner-only; a published site must be readable by the web server
        return new Session(target, previous, temp);
    }

    /**
     * The target is replaced whole, so a mistyped {@code --out} must not wipe a project: refuse a folder that
     * holds the working directory or looks like a project or content folder rather than a built site.
     */
    static void refuseToReplaceNonSite(Path target) throws IOException {
        if (!Files.exists(target)) return;
        if (!Files.isDirectory(target)) throw new IOException(target + " exists and is not a folder");
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(target)) {
            throw new IOException("refusing to replace " + target + ": it holds the current folder; choose another --out");
        }
        for (String marker : List.of(".git", "pom.xml", "paperboy.yml", "content", "templates")) {
            if (Files.exists(target.resolve(marker))) {
                throw new IOException("refusing to replace " + target + ": it holds " + marker
                        + " and does not look like a built site; choose another --out");
            }
        }
    }

    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    /** One site being written; {@link #put} and {@link #keep} may be called from several threads. */
    public static final class Session implements SiteSink {
        private final Path target;
        private final Path previous;
        private final Path temp;
        private final AtomicInteger files = new AtomicInteger();
        private final AtomicInteger written = new AtomicInteger();
        private final AtomicInteger unchanged = new AtomicInteger();
        private final AtomicLong bytes = new AtomicLong();

        private Session(Path target, Path previous, Path temp) {
            this.target = target;
            this.previous = previous;
            this.temp = temp;
        }

        /** Adds a file: hard-linked from the previous build when the bytes are the same, else written. */
        @Override
        public void put(Output o) throws IOException {
            Path dest = resolveInside(temp, o.path());
            Files.createDirectories(dest.getParent());
            if (previous != null && linkIfUnchanged(resolveInside(previous, o.path()), dest, o.bytes())) {
                unchanged.incrementAndGet();
            } else {
                Files.write(dest, o.bytes());
                written.incrementAndGet();
            }
            files.incrementAndGet();
            bytes.addAndGet(o.bytes().length);
        }

        /**
         * Keeps the previous build's file at {@code path} as it is, without reading it (the caller knows it is
         * current). False when there is no such file of that size or it cannot be linked: then the caller must
         * {@link #put} it.
         */
        @Override
        public boolean keep(String path, long expectedSize) throws IOException {
            if (previous == null) return false;
            Path old = resolveInside(previous, path);
            Path dest = resolveInside(temp, path);
            try {
                long size = Files.size(old);
                if (size != expectedSize) return false;
                Files.createDirectories(dest.getParent());
                Files.createLink(dest, old);
                unchanged.incrementAndGet();
                files.incrementAndGet();
                bytes.addAndGet(size);
                return true;
            } catch (NoSuchFileException | UnsupportedOperationException e) {
                return false;
            }
        }

        /** Moves the new site in place of the old one. */
        @Override
        public WriteStats commit() throws IOException {
            try {
                swap(temp, target);
            } catch (IOException | RuntimeException e) {
                deleteTree(temp);
                throw e;
            }
            return new WriteStats(files.get(), written.get(), unchanged.get(), bytes.get());
        }

        /** Drops everything written so far; the previous site stays. */
        @Override
        public void abort() {
            deleteTree(temp);
        }
    }

    private static Path resolveInside(Path root, String rel) throws IOException {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) throw new IOException("output path outside the site: " + rel);
        return p;
    }

    private static boolean linkIfUnchanged(Path old, Path dest, byte[] bytes) {
        try {
            if (!Files.isRegularFile(old) || Files.size(old) != bytes.length) return false;
            if (!Arrays.equals(Files.readAllBytes(old), bytes)) return false;
            Files.createLink(dest, old);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // e.g. a file system without hard links: write it instead
        }
    }

    /** Moves the new site in place; the old one is moved aside first and deleted only after. */
    private static void swap(Path temp, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(temp, target);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        move(target, old);
        try {
            move(temp, target);
        } catch (IOException e) {
            move(old, target); // put the previous site back
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
