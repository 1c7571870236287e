package paperboy.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final CommitJournal.Steps steps;

    public SiteWriter() {
        this(CommitJournal.Steps.NONE);
    }

    /** For tests: {@code steps} is told of the swap's renames and deletes before each is made. */
    SiteWriter(CommitJournal.Steps steps) {
        this.steps = steps;
    }

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
        return new Session(target, previous, temp, steps);
    }

    /**
     * The target is replaced whole: never the root, the home folder or a folder holding the current one, whatever
     * the caller checked before (the command line also checks {@link OutputFolder#refusal}, which knows the inputs).
     */
    static void refuseToReplaceNonSite(Path target) throws IOException {
        if (!Files.exists(target)) return;
        if (!Files.isDirectory(target)) throw new IOException(target + " exists and is not a folder");
        var never = OutputFolder.neverReplace(OutputFolder.real(target), java.util.Map.of());
        if (never.isPresent()) throw new IOException("refusing to replace " + target + ": " + never.get());
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
        private final CommitJournal.Steps steps;
        private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

        private Session(Path target, Path previous, Path temp, CommitJournal.Steps steps) {
            this.target = target;
            this.previous = previous;
            this.temp = temp;
            this.steps = steps;
        }

        /** Adds a file: hard-linked from the previous build when the bytes are the same, else written. */
        @Override
        public void put(Output o) throws IOException {
            Path dest = resolveInside(temp, o.path());
            folder(dest.getParent());
            if (previous != null && linkIfUnchanged(resolveInside(previous, o.path()), dest, o.bytes())) {
                unchanged.incrementAndGet();
            } else {
                writeFile(dest, o.bytes());
                written.incrementAndGet();
            }
            files.incrementAndGet();
            bytes.addAndGet(o.bytes().length);
        }

        /**
         * Creates a folder of the new site once: most files share theirs with others, and asking the file system
         * again costs two system calls a file. Another thread asking for the same folder waits until it exists.
         */
        private void folder(Path dir) throws IOException {
            try {
                folders.computeIfAbsent(dir, d -> {
                    try {
                        Files.createDirectories(d);
                        return Boolean.TRUE;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
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
                folder(dest.getParent());
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
                Files.write(temp.resolve(OutputFolder.MARKER), OutputFolder.MARKER_TEXT);
                swap(temp, target, steps);
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

    /**
     * The bytes in one write where the file system takes them ({@link Files#write} hands them over 8 KB at a
     * time, a system call each).
     */
    static void writeFile(Path dest, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(dest, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
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

    /**
     * Moves the new site in place; the old one is moved aside first and deleted only after. Stopped between the
     * two renames, the site is missing until the next build's {@link SiteRecovery} moves the old one back.
     */
    private static void swap(Path temp, Path target, CommitJournal.Steps steps) throws IOException {
        if (!Files.exists(target)) {
            steps.at("move new site in");
            move(temp, target);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        steps.at("move old site aside");
        move(target, old);
        try {
            steps.at("move new site in");
            move(temp, target);
        } catch (IOException e) {
            move(old, target); // put the previous site back
            throw e;
        }
        steps.at("delete old site");
        deleteTree(old);
    }

    static void move(Path from, Path to) throws IOException {
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
