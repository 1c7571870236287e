package paperboy.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One writer per site: an OS lock on {@code .NAME.lock} beside the site, held while a build or a command that
 * writes into the site runs. A second one refuses at once, naming the first (its process id and start time,
 * which the holder writes into the file). The OS drops the lock when its process dies, however it dies, so a
 * killed build never blocks the next one; the file itself stays (deleting it would race with a new holder).
 */
public final class SiteLock implements AutoCloseable {

    /** Another process (or another build in this one) holds the site. */
    public static final class Busy extends IOException {
        Busy(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private SiteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path location(Path site) {
        return OutputFolder.beside(site, ".lock");
    }

    /** Takes the lock of the site at {@code site}, or throws {@link Busy} saying who holds it. */
    public static SiteLock acquire(Path site) throws IOException {
        Path file = location(site);
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM (e.g. serve rebuilding while a test builds)
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new Busy("another paperboy " + holder + " is writing " + site.toAbsolutePath().normalize()
                    + "; wait for it to finish and run this again (lock file " + file + ")");
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // who holds it is only for the message of a second build
        }
        return new SiteLock(ch, lock);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(200);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            return s.matches("pid \\d+ since [0-9TZ:.-]+") ? "(" + s + ")" : "process";
        } catch (IOException e) {
            return "process";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
