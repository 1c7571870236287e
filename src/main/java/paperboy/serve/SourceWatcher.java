package paperboy.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (recursively) and single files for changes and calls back once things have been quiet for
 * {@code debounceMillis}: an editor's save is often several events (temp file, rename, modify), and a copy of
 * many files should give one rebuild, not one per file.
 */
final class SourceWatcher implements AutoCloseable {
    private final WatchService service;
    /** Registered folders: those inside a watched tree, and the parents of watched single files. */
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Set<Path> treeDirs = ConcurrentHashMap.newKeySet();
    private final Set<Path> files = ConcurrentHashMap.newKeySet();
    private final long debounceMillis;
    private final Runnable onChange;
    private final Thread thread;

    SourceWatcher(List<Path> watched, long debounceMillis, Runnable onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.debounceMillis = debounceMillis;
        this.onChange = onChange;
        for (Path p : watched) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                registerTree(abs);
            } else if (abs.getParent() != null && Files.isDirectory(abs.getParent())) {
                files.add(abs);
                register(abs.getParent());
            }
        }
        this.thread = new Thread(this::loop, "paperboy-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                treeDirs.add(d);
                register(d);
            }
        }
    }

    private void register(Path dir) throws IOException {
        keys.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = drain(key);
                // Debounce: keep collecting until nothing arrives for debounceMillis.
                WatchKey more;
                while ((more = service.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private boolean drain(WatchKey key) {
        Path dir = keys.get(key);
        boolean relevant = false;
        for (var event : key.pollEvents()) {
            if (dir == null || !(event.context() instanceof Path name)) {
                relevant = true; // overflow: better rebuild once too often than miss a change
                continue;
            }
            Path child = dir.resolve(name);
            if (treeDirs.contains(dir)) {
                if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                    try {
                        registerTree(child);
                    } catch (IOException ignored) {
                        // gone again; the rebuild sees what is there
                    }
                }
                relevant |= !isEditorScratch(name.toString());
            } else if (files.contains(child)) {
                relevant = true;
            }
        }
        if (!key.reset()) keys.remove(key);
        return relevant;
    }

    /** Editors' swap and backup files: saving one is not a change of the content. */
    private static boolean isEditorScratch(String name) {
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#");
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
