package paperboy.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which folders a build may replace. A build replaces its output folder whole and deletes files the new site
 * does not have, so it may only do that to a folder paperboy made: one that is missing, empty, or carries the
 * marker file {@value #MARKER} that every build writes into the site. A site built before the marker existed
 * is recognised by the two files every paperboy site has ({@code index.html} and {@code data/digest.json}); its
 * next build adds the marker. Not by the build cache beside it: that outlives a site deleted and replaced by a
 * folder of the user's.
 *
 * <p>{@code --force} lets the user name any other folder, but never one whose loss cannot be what was meant:
 * the file system root, the home folder, the current folder, a folder holding the content, config or
 * templates, or any folder that contains one of those.
 */
public final class OutputFolder {
    /** The marker file in every site paperboy builds. */
    public static final String MARKER = ".paperboy-site";
    static final byte[] MARKER_TEXT = "This folder is a site built by paperboy; paperboy replaces it on every build.\n"
            .getBytes(StandardCharsets.UTF_8);

    private OutputFolder() {}

    /**
     * Why the site may not be written to {@code out}, if it may not.
     *
     * @param inputs what the build reads, by name ("the content folder" → its path; may be missing)
     * @param force  the user asked to replace a folder paperboy did not make
     */
    public static Optional<String> refusal(Path out, Map<String, Path> inputs, boolean force) {
        Path target = real(out);
        if (Files.exists(target) && !Files.isDirectory(target)) return Optional.of("it exists and is not a folder");
        Optional<String> never = neverReplace(target, inputs);
        if (never.isPresent()) return never;
        if (force || isPaperboySite(target)) return Optional.empty();
        return Optional.of("it is not empty and was not made by paperboy (it has no " + MARKER
                + " file); nothing was changed. Choose a missing or empty folder, or add --force to replace it"
                + " and everything in it");
    }

    /** The folders no build replaces, even with {@code --force}. */
    static Optional<String> neverReplace(Path target, Map<String, Path> inputs) {
        if (target.getParent() == null) return Optional.of("it is the root of the file system");
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && real(Path.of(home)).startsWith(target)) {
            return Optional.of(real(Path.of(home)).equals(target) ? "it is the home folder" : "it holds the home folder");
        }
        Path cwd = real(Path.of(""));
        if (cwd.startsWith(target)) {
            return Optional.of(cwd.equals(target) ? "it is the current folder" : "it holds the current folder");
        }
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path in = real(input.getValue());
            String what = input.getKey() + " " + input.getValue();
            if (in.equals(target)) return Optional.of("it is " + what);
            if (in.startsWith(target)) return Optional.of("it holds " + what);
            if (target.startsWith(in) && Files.isDirectory(in)) return Optional.of("it is inside " + what);
        }
        return Optional.empty();
    }

    /** Writes the marker into {@code site} if it is not there (for commands that write a few files into a site). */
    public static void mark(Path site) throws IOException {
        Path marker = site.resolve(MARKER);
        if (!Files.exists(marker)) Files.write(marker, MARKER_TEXT);
    }

    /** Missing, empty, marked, or a site of an earlier paperboy (see the class comment). */
    public static boolean isPaperboySite(Path target) {
        if (!Files.isDirectory(target)) return !Files.exists(target);
        if (Files.exists(target.resolve(MARKER))) return true;
        if (Files.isRegularFile(target.resolve("index.html")) && Files.isRegularFile(target.resolve("data/digest.json"))) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** The path with symbolic links resolved as far as it exists, so two spellings of one folder compare equal. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            missing.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) return abs;
        try {
            Path r = existing.toRealPath();
            for (Path m : missing) r = r.resolve(m);
            return r;
        } catch (IOException e) {
            return abs;
        }
    }

    /** {@code .NAME<suffix>} in the folder that holds the site {@code NAME}: where its caches and lock live. */
    public static Path beside(Path site, String suffix) {
        Path target = site.toAbsolutePath().normalize();
        Path parent = target.getParent() == null ? target : target.getParent();
        return parent.resolve("." + target.getFileName() + suffix);
    }
}
