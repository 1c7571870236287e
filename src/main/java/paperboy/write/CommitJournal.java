package paperboy.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An in-place update of a site that is all or nothing, whatever is killed when.
 *
 * <p>Why a journal: the site folder stays the real folder users point their web server at (no symbolic link
 * to switch, no window where it is missing), and a one-new-day update moves a few hundred files instead of
 * relinking a hundred thousand. The steps:
 * <ol>
 *   <li>every new or changed file is written, and synced, into a stage folder beside the site
 *       ({@code .NAME.tmp-commit/files/PATH}); folders the new files need are listed in the stage
 *       ({@code dirs}) before they are created in the site (empty, so the site's files are still the old ones);
 *   <li>the journal {@code .NAME.journal} is written beside the site, listing every delete and every move, and
 *       synced; its atomic rename into place is the commit point;
 *   <li>the deletes and moves are done, then the journal and the stage are removed.
 * </ol>
 * {@link #recover} runs before every build (under the {@link SiteLock}): a committed journal is replayed to the
 * end (every step can be done again: a move whose source is gone was done), an uncommitted stage is removed
 * with the empty folders it created. So the site is the old one until the commit point and the new one after
 * it. A disk that fills up can only fail steps 1–2, which are undone: the message "left as it was" is true.
 */
final class CommitJournal {
    static final String STAGE = ".tmp-commit";
    static final String JOURNAL = ".journal";
    private static final String MAGIC = "paperboy commit journal 1";

    /**
     * Called before every step that changes the file system: tests stop the commit there, as a kill would
     * (an {@link Error} that nothing catches), or fail it there, as a full disk would (an IOException).
     */
    interface Steps {
        Steps NONE = step -> {};

        void at(String step) throws IOException;
    }

    private final Path site;
    private final Path stage;
    private final Path journal;
    private final Steps steps;

    CommitJournal(Path site, Steps steps) {
        this.site = site;
        this.stage = OutputFolder.beside(site, STAGE);
        this.journal = OutputFolder.beside(site, JOURNAL);
        this.steps = steps;
    }

    /** Starts a commit: an empty stage. */
    void begin() throws IOException {
        SiteWriter.deleteTree(stage);
        steps.at("create stage");
        Files.createDirectories(stage.resolve("files"));
    }

    /** Writes the new bytes of {@code rel} into the stage, synced. */
    void stage(String rel, byte[] bytes) throws IOException {
        Path p = stage.resolve("files").resolve(rel);
        steps.at("stage " + rel);
        Files.createDirectories(p.getParent());
        writeSynced(p, bytes);
    }

    /**
     * The commit point: creates the folders the moves need, then writes the journal. Before it returns the
     * commit may be undone by {@link #rollback}; after it, only finished.
     */
    void commit(List<String> deletes, List<String> puts) throws IOException {
        List<Path> newDirs = new ArrayList<>();
        for (String rel : puts) {
            for (Path d = site.resolve(rel).getParent(); !d.equals(site) && !Files.isDirectory(d); d = d.getParent()) {
                if (!newDirs.contains(d)) newDirs.add(d);
            }
        }
        if (!newDirs.isEmpty()) {
            steps.at("list new folders");
            writeSynced(stage.resolve("dirs"), lines(newDirs.stream().map(d -> site.relativize(d).toString()).toList()));
            for (Path d : newDirs.stream().sorted().toList()) {
                steps.at("create folder " + d);
                try {
                    Files.createDirectories(d);
                } catch (FileAlreadyExistsException e) {
                    // a stale file of that name: made when the deletes have run
                }
            }
        }
        List<String> entries = new ArrayList<>(List.of(MAGIC));
        deletes.forEach(rel -> entries.add("delete\t" + rel));
        puts.forEach(rel -> entries.add("put\t" + rel));
        entries.add("end");
        Path tmp = OutputFolder.beside(site, JOURNAL + ".tmp");
        steps.at("write journal");
        writeSynced(tmp, lines(entries));
        steps.at("commit journal");
        Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(journal.getParent());
    }

    /** Does what the journal says, then removes it and the stage. */
    void apply() throws IOException {
        List<String> entries = Files.readAllLines(journal, StandardCharsets.UTF_8);
        for (String e : entries) {
            if (e.startsWith("delete\t")) {
                Path p = inside(e.substring(7));
                steps.at("delete " + p);
                Files.deleteIfExists(p);
                pruneEmptyParents(p);
            }
        }
        for (String e : entries) {
            if (e.startsWith("put\t")) {
                String rel = e.substring(4);
                Path from = stage.resolve("files").resolve(rel);
                if (!Files.exists(from)) continue; // moved before the build was stopped
                Path to = inside(rel);
                steps.at("move " + rel);
                Files.createDirectories(to.getParent());
                move(from, to);
            }
        }
        steps.at("remove journal");
        Files.delete(journal);
        steps.at("remove stage");
        SiteWriter.deleteTree(stage);
    }

    /** Undoes a commit that has not reached its commit point: the stage and the empty folders it made go. */
    void rollback() throws IOException {
        Path dirs = stage.resolve("dirs");
        if (Files.isRegularFile(dirs)) {
            List<String> made = new ArrayList<>(Files.readAllLines(dirs, StandardCharsets.UTF_8));
            made.sort(Comparator.comparingInt(String::length).reversed()); // deepest first
            for (String rel : made) {
                try {
                    Files.deleteIfExists(inside(rel));
                } catch (DirectoryNotEmptyException e) {
                    // holds files: it was not made by this commit after all
                }
            }
        }
        Files.deleteIfExists(OutputFolder.beside(site, JOURNAL + ".tmp"));
        SiteWriter.deleteTree(stage);
    }

    /** Finishes a committed journal or undoes an uncommitted one; nothing when the last commit finished. */
    static void recover(Path site) throws IOException {
        CommitJournal j = new CommitJournal(site, Steps.NONE);
        if (Files.isRegularFile(j.journal) && j.complete()) {
            j.apply();
        } else {
            Files.deleteIfExists(j.journal);
            if (Files.exists(j.stage) || Files.exists(OutputFolder.beside(site, JOURNAL + ".tmp"))) j.rollback();
        }
    }

    private boolean complete() throws IOException {
        List<String> entries = Files.readAllLines(journal, StandardCharsets.UTF_8);
        return entries.size() >= 2 && entries.get(0).equals(MAGIC) && entries.get(entries.size() - 1).equals("end");
    }

    private Path inside(String rel) throws IOException {
        Path p = site.resolve(rel).normalize();
        if (!p.startsWith(site) || p.equals(site)) throw new IOException("journal path outside the site: " + rel);
        return p;
    }

    private void pruneEmptyParents(Path file) throws IOException {
        for (Path d = file.getParent(); d != null && !d.equals(site) && d.startsWith(site); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    private static byte[] lines(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static void writeSynced(Path p, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
    }

    /** Makes a rename durable against power loss; some systems cannot open folders, and do not need it. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
