package paperboy.incremental;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import paperboy.model.SourceRef;
import paperboy.problems.Problem;
import paperboy.problems.Severity;
import paperboy.write.CacheFile;
import paperboy.write.OutputFolder;

/**
 * What the previous build wrote, so the next one can skip work: the hash of everything that affects every page
 * ({@code settings}: paperboy's own code, config, templates), the hash of the content ({@code inputs}), and for
 * every file of the site its size and, for templated pages, the fingerprint of its view model.
 *
 * <p>Kept beside the site (not inside it, so it is never published) in two parts ({@link CacheFile} each): the
 * small {@code .SITE.cache} ({@link Head}: everything but the site's files, which is all a build reads before it
 * knows there is work to do), and the site's files in {@code .SITE.cache.d/}, in shards of about 128 files by a
 * hash of their path ({@link Buckets}), which a build rewrites only where its files changed. The small file names
 * the shards and is written after them, and the shards it no longer names are removed after it: a build killed on
 * the way leaves the old cache or the new one. It is only ever a hint: a file that is missing, truncated, corrupt,
 * of another format version or from another paperboy build (any shard included) is ignored and the build is a full
 * one; a page is reused only when its file is still there with the recorded size.
 *
 * @param settings  hash of code, config and templates
 * @param inputs    hash of the content folder
 * @param summary   counts of the build, reported again by a no-op build
 * @param warnings  the build's warnings, reported again by a no-op build
 * @param files     site path to what was written there
 * @param inputFiles content and template files by path, with size, time and content hash
 * @param archive    what a build that only appends days compares with (see {@code build.ChangeSet})
 * @param whole      the files of {@code files} that a renderer writes whole in every build that renders it
 *                   ({@code Renderer.rewrittenWhole}): the next build removes those it does not write again, without
 *                   looking through every file
 */
public record BuildCache(String settings, String inputs, Summary summary, List<Problem> warnings,
                         Map<String, Entry> files, Map<String, Fingerprints.InputFile> inputFiles, Archive archive,
                         List<String> whole) {
    /** The file's layout; the settings hash inside says which build and settings wrote it (the plan compares). */
    static final CacheFile FILE = new CacheFile("paperboy-build-cache", 5);
    /** The cache of {@code site/} is {@code .site.cache}; a constant, so FastStart's first JVM needn't load this class. */
    public static final String SUFFIX = ".cache";
    /** Fingerprint of a file that is not a templated page: rendered every time, listed for the no-op check. */
    public static final String NOT_A_PAGE = "-";

    public record Entry(String fingerprint, long size) {}

    public record Summary(int days, int listings, int papers) {}

    /**
     * The archive as the previous build left it, as far as appending days needs to know it.
     *
     * @param latestDay its latest day, ISO; empty for none
     * @param themes    a hash of its themes as listed (slugs, names, descriptions, keywords, order, retired ones):
     *                  every page that names themes shows them so
     * @param recent    for the papers listed lately, a hash of what other pages show of them (title, abstract,
     *                  links, authors, themes, related papers): a paper listed again must not have changed there
     */
    public record Archive(String latestDay, String themes, Map<String, String> recent) {
        public static final Archive NONE = new Archive("", "", Map.of());

        public Archive {
            recent = Map.copyOf(recent);
        }
    }

    public BuildCache {
        warnings = List.copyOf(warnings);
        files = files instanceof Buckets b ? b : Collections.unmodifiableMap(new HashMap<>(files));
        inputFiles = Collections.unmodifiableMap(new HashMap<>(inputFiles));
        whole = List.copyOf(whole);
    }

    /** A cache without files written whole. */
    public BuildCache(String settings, String inputs, Summary summary, List<Problem> warnings, Map<String, Entry> files,
                      Map<String, Fingerprints.InputFile> inputFiles, Archive archive) {
        this(settings, inputs, summary, warnings, files, inputFiles, archive, List.of());
    }

    public static BuildCache empty() {
        return new BuildCache("", "", new Summary(0, 0, 0), List.of(), Map.of(), Map.of(), Archive.NONE);
    }

    /**
     * A shard of the cache found missing or damaged when a build first asked for one of its files (a build reads
     * only the shards it needs): the build cannot trust what it kept, so it starts again without the cache.
     */
    public static final class Damaged extends RuntimeException {
        Damaged(Path shard) {
            super(shard + ": a shard of the build cache is missing or damaged");
        }
    }

    /**
     * The site's files after a build that rendered only part of it: these with {@code changed} put and
     * {@code removed} taken out. Over a cache read from disk, only the shards of those files are read (and written
     * again); the others are shared as they are.
     */
    public Map<String, Entry> filesWith(Map<String, Entry> changed, java.util.Collection<String> removed) {
        if (files instanceof Buckets b) return b.with(changed, removed);
        Map<String, Entry> all = new HashMap<>(files);
        removed.forEach(all::remove);
        all.putAll(changed);
        return all;
    }

    /** Where the cache of the site at {@code outDir} lives: {@code .site.cache} beside {@code site/}. */
    public static Path location(Path outDir) {
        return OutputFolder.beside(outDir, SUFFIX);
    }

    /**
     * The cache at {@code file} with the shards it names, or empty when there is none or any part of it cannot be
     * trusted (missing, cut short, damaged, foreign): a miss, so the build is a full one.
     */
    public static Optional<BuildCache> read(Path file) {
        return readHead(file).flatMap(h -> h.withFiles().flatMap(c -> ((Buckets) c.files()).readAll().map(f -> c)));
    }

    /**
     * The small file of the cache at {@code file}: everything but the site's files, which {@link Head#withFiles}
     * reads from the shards it names. Empty when there is none or it cannot be trusted.
     */
    public static Optional<Head> readHead(Path file) {
        return FILE.read(file, "", in -> head(in, shards(file)));
    }

    /**
     * The cache without the site's files: what a build compares its inputs with before anything else.
     *
     * @param shards the shard of each bucket of the site's files, by file name in {@code dir} ("" for none)
     */
    public record Head(String settings, String inputs, Summary summary, List<Problem> warnings,
                       Map<String, Fingerprints.InputFile> inputFiles, Archive archive, int fileCount, long fileBytes,
                       Path dir, List<String> shards, List<String> whole) {
        public Head {
            warnings = List.copyOf(warnings);
            inputFiles = Collections.unmodifiableMap(inputFiles);
            shards = List.copyOf(shards);
            whole = List.copyOf(whole);
        }

        /**
         * The whole cache, each shard read when one of its files is first asked for: a shard then found missing or
         * damaged throws {@link Damaged}. Empty when the shards named cannot be a cache's.
         */
        public Optional<BuildCache> withFiles() {
            return Buckets.lazy(dir, shards, fileCount, fileBytes)
                    .map(files -> new BuildCache(settings, inputs, summary, warnings, files, inputFiles, archive, whole));
        }

        /**
         * True when every file the shards list is in {@code siteDir} with its recorded size (and the shards are
         * whole): one {@code stat} per file, on every core, each shard checked as it is read, without building a
         * map of the files. At ten years, 140,000 to 152,000 files: most of a no-op build's time.
         */
        public boolean siteIntact(Path siteDir) {
            return fileCount > 0 && Files.isDirectory(siteDir) && Buckets.allThere(dir, shards, siteDir);
        }
    }

    private static Head head(CacheFile.In in, Path dir) throws IOException {
        in.array();
        String settings = in.string();
        String inputs = in.string();
        in.array();
        Summary summary = new Summary(in.integer(), in.integer(), in.integer());
        in.end();
        String latestDay = in.string(), themes = in.string();
        Map<String, String> recent = new HashMap<>();
        in.array();
        while (in.nextArray()) {
            recent.put(in.string(), in.string());
            in.end();
        }
        Archive archive = new Archive(latestDay, themes, recent);
        List<Problem> warnings = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            SourceRef at = new SourceRef(Path.of(in.string()), in.integer(), in.integer());
            warnings.add(new Problem(at, Severity.valueOf(in.string()), in.string()));
            in.end();
        }
        Map<String, Fingerprints.InputFile> inputFiles = new HashMap<>();
        in.array();
        while (in.nextArray()) {
            inputFiles.put(in.string(), new Fingerprints.InputFile(in.string(), in.number(), in.number()));
            in.end();
        }
        in.array();
        int fileCount = in.integer();
        long fileBytes = in.number();
        in.end();
        List<String> shards = in.strings();
        List<String> whole = in.strings();
        in.end();
        return new Head(settings, inputs, summary, warnings, inputFiles, archive, fileCount, fileBytes, dir, shards,
                whole);
    }

    /** Where the shards of the cache at {@code file} live: {@code .site.cache.d/} beside it. */
    static Path shards(Path file) {
        return file.resolveSibling(file.getFileName() + ".d");
    }

    /** Removes the cache at {@code file} and its shards. */
    public static void drop(Path file) throws IOException {
        Files.deleteIfExists(file); // first: without it the shards are never read
        Buckets.removeAllBut(shards(file), List.of());
    }

    /** As {@link #write(Path, Optional)}, with nothing written before. */
    public void write(Path file) throws IOException {
        write(file, Optional.empty());
    }

    /**
     * Writes the cache: the shards whose files changed since {@code before} (the cache this build read, whose
     * shards are still on disk) under new names, then the small file atomically, then removes the shards it no
     * longer names. A build killed on the way leaves the previous cache or this one.
     */
    public void write(Path file, Optional<BuildCache> before) throws IOException {
        Path dir = shards(file);
        List<String> names = Buckets.write(dir, files, before.map(BuildCache::files));
        FILE.write(file, "", g -> {
            g.writeStartArray();
            g.writeString(settings);
            g.writeString(inputs);
            g.writeArray(new int[] {summary.days(), summary.listings(), summary.papers()}, 0, 3);
            g.writeString(archive.latestDay());
            g.writeString(archive.themes());
            g.writeStartArray();
            for (var e : new TreeMap<>(archive.recent()).entrySet()) {
                g.writeStartArray();
                g.writeString(e.getKey());
                g.writeString(e.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeStartArray();
            for (Problem p : warnings) {
                g.writeStartArray();
                g.writeString(p.where().file().toString());
                g.writeNumber(p.where().line());
                g.writeNumber(p.where().column());
                g.writeString(p.severity().name());
                g.writeString(p.message());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeStartArray();
            for (String path : new TreeMap<>(inputFiles).keySet()) {
                Fingerprints.InputFile f = inputFiles.get(path);
                g.writeStartArray();
                g.writeString(path);
                g.writeString(f.sha());
                g.writeNumber(f.size());
                g.writeNumber(f.mtimeNanos());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeStartArray();
            g.writeNumber(files.size());
            g.writeNumber(Buckets.bytes(files));
            g.writeEndArray();
            CacheFile.writeStrings(g, names);
            CacheFile.writeStrings(g, whole);
            g.writeEndArray();
        });
        Buckets.removeAllBut(dir, names);
    }

    /** The previous fingerprint of the page at {@code path}, if it was a templated page. */
    public Optional<Entry> page(String path) {
        Entry e = files.get(path);
        return e == null || e.fingerprint().equals(NOT_A_PAGE) ? Optional.empty() : Optional.of(e);
    }
}
