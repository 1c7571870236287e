package paperboy.incremental;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperboy.model.SourceRef;
import paperboy.problems.Problem;
import paperboy.problems.Severity;
import paperboy.write.AtomicFile;

/**
 * What the previous build wrote, so the next one can skip work: the hash of everything that affects every page
 * ({@code settings}: paperboy's own code, config, templates), the hash of the content ({@code inputs}), and for
 * every file of the site its size and, for templated pages, the fingerprint of its view model.
 *
 * <p>Kept beside the site as {@code .SITE.cache} (not inside it, so it is never published). It is only ever a
 * hint: a file that is missing, truncated, corrupt, of another format version or from another paperboy build is
 * ignored and the build is a full one; a page is reused only when its file is still there with the recorded size.
 *
 * @param settings  hash of code, config and templates
 * @param inputs    hash of the content folder
 * @param summary   counts of the build, reported again by a no-op build
 * @param warnings  the build's warnings, reported again by a no-op build
 * @param files     site path to what was written there
 * @param inputFiles content and template files by path, with size, time and content hash
 */
public record BuildCache(String settings, String inputs, Summary summary, List<Problem> warnings,
                         Map<String, Entry> files, Map<String, Fingerprints.InputFile> inputFiles) {
    static final String MAGIC = "paperboy-build-cache 1";
    /** Fingerprint of a file that is not a templated page: rendered every time, listed for the no-op check. */
    public static final String NOT_A_PAGE = "-";

    public record Entry(String fingerprint, long size) {}

    public record Summary(int days, int listings, int papers) {}

    public BuildCache {
        warnings = List.copyOf(warnings);
        files = Collections.unmodifiableMap(new HashMap<>(files));
        inputFiles = Collections.unmodifiableMap(new HashMap<>(inputFiles));
    }

    public static BuildCache empty() {
        return new BuildCache("", "", new Summary(0, 0, 0), List.of(), Map.of(), Map.of());
    }

    /** Where the cache of the site at {@code outDir} lives: {@code .site.cache} beside {@code site/}. */
    public static Path location(Path outDir) {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent() == null ? target : target.getParent();
        return parent.resolve("." + target.getFileName() + ".cache");
    }

    /** The cache at {@code file}, or empty when there is none or it cannot be trusted. */
    public static Optional<BuildCache> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 5 || !lines.get(0).equals(MAGIC)) return Optional.empty();
            String settings = value(lines.get(1), "settings");
            String inputs = value(lines.get(2), "inputs");
            String[] s = value(lines.get(3), "summary").split(" ");
            Summary summary = new Summary(Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2]));
            List<Problem> warnings = new ArrayList<>();
            Map<String, Entry> files = new HashMap<>();
            Map<String, Fingerprints.InputFile> inputFiles = new HashMap<>();
            int i = 4;
            for (; i < lines.size() && lines.get(i).startsWith("warning\t"); i++) {
                String[] w = lines.get(i).split("\t", 6);
                warnings.add(new Problem(new SourceRef(Path.of(w[1]), Integer.parseInt(w[2]), Integer.parseInt(w[3])),
                        Severity.valueOf(w[4]), unescape(w[5])));
            }
            for (; i < lines.size() && lines.get(i).startsWith("input "); i++) {
                String[] f = lines.get(i).split(" ", 5);
                inputFiles.put(f[4], new Fingerprints.InputFile(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
            for (; i < lines.size() && lines.get(i).startsWith("file "); i++) {
                String[] f = lines.get(i).split(" ", 4);
                files.put(f[3], new Entry(f[1], Long.parseLong(f[2])));
            }
            // The last line counts the files: a cache cut short by a crash is not trusted.
            if (i != lines.size() - 1 || !lines.get(i).equals("end " + files.size())) return Optional.empty();
            return Optional.of(new BuildCache(settings, inputs, summary, warnings, files, inputFiles));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the cache atomically (temporary file, then rename). */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(MAGIC + "\nsettings " + settings + "\ninputs " + inputs + "\nsummary " + summary.days() + " "
                    + summary.listings() + " " + summary.papers() + "\n");
            for (Problem p : warnings) {
                SourceRef at = p.where();
                w.write("warning\t" + at.file() + "\t" + at.line() + "\t" + at.column() + "\t" + p.severity() + "\t"
                        + escape(p.message()) + "\n");
            }
            for (String path : inputFiles.keySet().stream().sorted().toList()) {
                Fingerprints.InputFile f = inputFiles.get(path);
                w.write("input " + f.sha() + " " + f.size() + " " + f.mtimeNanos() + " " + path + "\n");
            }
            for (String path : files.keySet().stream().sorted().toList()) {
                Entry e = files.get(path);
                w.write("file " + e.fingerprint() + " " + e.size() + " " + path + "\n");
            }
            w.write("end " + files.size() + "\n");
            w.flush();
        });
    }

    /** True when every file the cache lists is in {@code siteDir} with its recorded size, and nothing else is missing. */
    public boolean siteIntact(Path siteDir) {
        if (files.isEmpty() || !Files.isDirectory(siteDir)) return false;
        return files.entrySet().parallelStream().allMatch(e -> {
            try {
                Path p = siteDir.resolve(e.getKey());
                return Files.size(p) == e.getValue().size();
            } catch (IOException ex) {
                return false;
            }
        });
    }

    /** The previous fingerprint of the page at {@code path}, if it was a templated page. */
    public Optional<Entry> page(String path) {
        Entry e = files.get(path);
        return e == null || e.fingerprint().equals(NOT_A_PAGE) ? Optional.empty() : Optional.of(e);
    }

    private static String value(String line, String key) {
        if (!line.startsWith(key + " ")) throw new IllegalArgumentException("expected " + key);
        return line.substring(key.length() + 1);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
