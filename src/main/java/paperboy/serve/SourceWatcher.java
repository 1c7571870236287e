package paperboy.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches folders (recursively) and single files (their folder, not its subfolders) and calls back once things
 * have been quiet for {@code debounceMillis}: an editor's save is often several events (temp file, rename,
 * modify), and a copy of many files should give one rebuild, not one per file. {@code io.methvin:directory-watcher}
 * registers new subfolders as they appear and, on macOS, uses FSEvents where the JDK's watcher polls every few
 * seconds (123 hand-written lines on the JDK's WatchService before).
 */
final class SourceWatcher implements AutoCloseable {
    private final Set<Path> trees = new HashSet<>();
    private final Set<Path> files = new HashSet<>();
    private final long debounceMillis;
    private final Runnable onChange;
    private final ScheduledExecutorService quiet = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "paperboy-rebuild"));
    private final DirectoryWatcher watcher;
    private ScheduledFuture<?> pending;

    SourceWatcher(List<Path> watched, long debounceMillis, Runnable onChange) throws IOException {
        this.debounceMillis = debounceMillis;
        this.onChange = onChange;
        List<Path> roots = new ArrayList<>();
        for (Path p : watched) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                trees.add(abs);
                roots.add(abs);
            } else if (abs.getParent() != null && Files.isDirectory(abs.getParent())) {
                files.add(abs);
                roots.add(abs.getParent());
            }
        }
        // A single file's folder (the working folder, which holds the site) is watched without its subfolders.
        FileTreeVisitor visitor = (dir, onDirectory, onFile) -> {
            if (trees.stream().anyMatch(dir::startsWith)) {
                FileTreeVisitor.DEFAULT_FILE_TREE_VISITOR.recursiveVisitFiles(dir, onDirectory, onFile);
            } else if (roots.contains(dir)) {
                onDirectory.call(dir);
            }
        };
        this.watcher = DirectoryWatcher.builder().paths(roots).fileHashing(false).fileTreeVisitor(visitor)
                .listener(this::changed).build();
    }

    void start() {
        watcher.watchAsync(r -> daemon(r, "paperboy-watch").start());
    }

    private synchronized void changed(DirectoryChangeEvent e) {
        Path p = e.path();
        boolean relevant = e.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || files.contains(p)
                || (trees.stream().anyMatch(p::startsWith) && !isEditorScratch(p.getFileName().toString()));
        if (!relevant) return;
        if (pending != null) pending.cancel(false);
        pending = quiet.schedule(onChange, debounceMillis, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Editors' swap and backup files: saving one is not a change of the content. */
    private static boolean isEditorScratch(String name) {
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#");
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        quiet.shutdownNow();
    }
}
