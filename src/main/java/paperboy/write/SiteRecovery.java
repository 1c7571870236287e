package paperboy.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a site back in order after a build that was killed or failed half way, before anything else reads or
 * writes it (under its {@link SiteLock}): an in-place update is finished or undone ({@link CommitJournal}); a
 * site that is missing because a full build was stopped between its two renames gets its previous folder back;
 * the temporary ({@code .NAME.tmp-*}) and previous ({@code .NAME.old-*}) folders of earlier builds are removed.
 */
public final class SiteRecovery {
    private SiteRecovery() {}

    public static void recover(Path site) throws IOException {
        Path target = site.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        CommitJournal.recover(target);
        List<Path> temps = beside(target, ".tmp-");
        List<Path> olds = beside(target, ".old-");
        if (!Files.exists(target) && !olds.isEmpty()) {
            // Stopped between "site → .site.old-X" and ".site.tmp-Y → site": the old site is whole; the new one
            // may be too, but nothing says so. Back to the old one.
            Path newest = olds.stream().max(Comparator.comparing(SiteRecovery::modified)).orElseThrow();
            SiteWriter.move(newest, target);
            olds.remove(newest);
        }
        for (Path p : temps) SiteWriter.deleteTree(p);
        for (Path p : olds) SiteWriter.deleteTree(p);
    }

    private static List<Path> beside(Path target, String infix) throws IOException {
        List<Path> found = new ArrayList<>();
        String prefix = "." + target.getFileName() + infix;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(), ".*")) {
            for (Path p : entries) {
                if (p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)) found.add(p);
            }
        }
        return found;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
