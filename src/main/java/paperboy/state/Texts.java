package paperboy.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import paperboy.model.LazyText;
import paperboy.write.CacheFile;

/**
 * The abstracts of an archive read from its state. They are most of its bytes and a daily build shows a few
 * thousand of them, so each month keeps them in a file of their own beside the month's file, and a paper's
 * abstract is read from there when a build first asks for it ({@link LazyText}), and checked against the checksum
 * the paper's part of the month file gives with its place. Counts the texts it read, for the build report.
 */
public final class Texts {
    private final Map<Path, File> files = new ConcurrentHashMap<>();
    private final AtomicInteger read = new AtomicInteger();
    private final AtomicInteger kept = new AtomicInteger();

    File of(Path path) {
        return files.computeIfAbsent(path, File::new);
    }

    /** How many abstracts the build has read so far. */
    public int read() {
        return read.get();
    }

    /** How many abstracts the state holds. */
    public int kept() {
        return kept.get();
    }

    /** One month's text file. */
    final class File {
        private final Path path;
        private long length = -1;
        /** Mapped and checked when the first text is read ({@link #mapped}). */
        private volatile ByteBuffer mapped;

        private File(Path path) {
            this.path = path;
        }

        /** A paper's abstract as its month file refers to it: offset (-1: none), length and CRC-32C in this file. */
        LazyText text(CacheFile.In in) throws IOException {
            long offset = in.number();
            int size = (int) in.number();
            int sum = (int) in.number();
            if (offset < 0) return LazyText.of(Optional.empty());
            kept.incrementAndGet();
            return LazyText.reading(() -> read((int) offset, size, sum));
        }

        /** The length the manifest recorded of this file. */
        void expect(long length) {
            this.length = length;
        }

        /**
         * The file, mapped and checked against the length the manifest recorded when the first of its texts is read;
         * a damaged one (or text) stops the build, which then starts again from the listings
         * ({@link ArchiveStore.Damaged}).
         */
        private ByteBuffer mapped() {
            ByteBuffer b = mapped;
            if (b != null) return b;
            synchronized (this) {
                if (mapped != null) return mapped;
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                    if (length < 0 || ch.size() != length) throw new ArchiveStore.Damaged(path, "not the length kept");
                    b = ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
                    mapped = b;
                    return b;
                } catch (IOException e) {
                    throw new ArchiveStore.Damaged(path, e.getMessage());
                }
            }
        }

        private Optional<String> read(int offset, int size, int sum) {
            read.incrementAndGet();
            byte[] bytes = new byte[size];
            // Inside the file: its length was checked, and the reference came from a part checked against its sum.
            mapped().get(offset, bytes); // absolute: safe from several threads
            if (MonthIndex.sum(bytes, 0, size) != sum) throw new ArchiveStore.Damaged(path, "not the checksum kept");
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }

    }
}
