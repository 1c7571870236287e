package paperboy.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import paperboy.assemble.ThemeAssigner;
import paperboy.model.Digest;
import paperboy.render.Scope;
import paperboy.incremental.BuildCache;
import paperboy.incremental.Fingerprints;
import paperboy.incremental.ModelHash;
import paperboy.parse.ParseCache;
import paperboy.problems.Problem;
import paperboy.state.ArchiveStore;

/**
 * What an incremental build may skip, decided once before the build reads anything: the previous build's cache
 * (when its settings still hold), the hashes of this build's settings and content, and whether nothing changed
 * at all. The phases consult it; a full build ({@code --no-cache}) has a plan that reuses and keeps nothing.
 */
final class BuildPlan {
    private final boolean incremental;
    private final Path cacheFile;
    private final BuildCache previous;
    /** Present when nothing changed since the build that wrote this cache (its small file), whose site is intact. */
    private final Optional<BuildCache.Head> unchanged;
    /** The hashes for the next build's cache: known now, still being computed, or not to be kept (null). */
    private final CompletableFuture<InputHashes> hashes;
    /** The listings parsed by the previous build, by file and content hash; read when first asked for. */
    private ParseCache parsed;
    private final SiteBuild.Request req;
    /** The listing files added since the previous build, when that is all that changed (see {@link ChangeSet}). */
    private final Optional<ChangeSet.Appended> appended;

    private BuildPlan(SiteBuild.Request req, boolean incremental, Path cacheFile, BuildCache previous,
                      Optional<BuildCache.Head> unchanged, CompletableFuture<InputHashes> hashes) {
        this.req = req;
        this.incremental = incremental;
        this.cacheFile = cacheFile;
        this.previous = previous;
        this.unchanged = unchanged;
        this.hashes = hashes;
        this.appended = hashes != null && hashes.isDone() && hashes.join() != null && unchanged.isEmpty()
                ? ChangeSet.appended(previous, hashes.join().files()) : Optional.empty();
    }

    /** The hashes of a build's settings and content, for its cache. */
    private record InputHashes(String settings, String inputs, Map<String, Fingerprints.InputFile> files) {}

    /**
     * @param incremental false: a full build that neither reads nor writes a cache
     */
    static BuildPlan of(SiteBuild.Request req, boolean incremental) {
        Path cacheFile = BuildCache.location(req.outDir());
        if (!incremental) return new BuildPlan(req, false, cacheFile, BuildCache.empty(), Optional.empty(), null);
        if (!Files.exists(cacheFile)) {
            // No previous build to compare with (a fresh folder): nothing can be skipped, so the inputs are
            // hashed for the next build's cache on another core while this one parses and renders.
            return new BuildPlan(req, true, cacheFile, BuildCache.empty(), Optional.empty(),
                    CompletableFuture.supplyAsync(() -> hashInputs(req, Map.of())));
        }
        Optional<BuildCache.Head> head = BuildCache.readHead(cacheFile);
        InputHashes now = hashInputs(req, head.map(BuildCache.Head::inputFiles).orElse(Map.of()));
        if (now == null) return new BuildPlan(req, true, cacheFile, BuildCache.empty(), Optional.empty(), null);
        Optional<BuildCache.Head> same = head.filter(h -> h.settings().equals(now.settings()));
        // Nothing changed: the shards are read only to check the site against them, no map of its files is made.
        if (same.isPresent() && same.get().inputs().equals(now.inputs()) && same.get().siteIntact(req.outDir())) {
            return new BuildPlan(req, true, cacheFile, BuildCache.empty(), same, CompletableFuture.completedFuture(now));
        }
        BuildCache previous = same.flatMap(BuildCache.Head::withFiles).orElse(BuildCache.empty());
        return new BuildPlan(req, true, cacheFile, previous, Optional.empty(), CompletableFuture.completedFuture(now));
    }

    /** Nothing changed since the previous build, whose site is intact: there is nothing to do. */
    boolean nothingChanged() {
        return unchanged.isPresent();
    }

    /** When nothing changed: what the previous build recorded, reported again. */
    Optional<BuildCache.Head> unchanged() {
        return unchanged;
    }

    /**
     * Which outputs to render for {@code digest}: those that appending days reaches, when that is all that changed
     * and {@code themes} leave the earlier papers as they were; else every one.
     *
     * @param ontoState the new files' days were appended to the archive kept (which refuses a file for an earlier
     *                  day); else every listing was read, and the earlier days are searched for the new files
     */
    Scope scope(Digest digest, ThemeAssigner themes, boolean ontoState) {
        if (appended.isEmpty() || !inPlace(req.outDir())) return Scope.all();
        return ChangeSet.scope(digest, previous, appended, themes.placesLatestMonthOnly(digest), ontoState,
                req.contentDir(), req.outDir());
    }

    /** The previous build, as far as it can be reused (empty in a full build or when the settings changed). */
    BuildCache previous() {
        return previous;
    }

    /** Whether pages are fingerprinted for the next build's cache; a full build without a cache skips that work. */
    boolean fingerprints() {
        return hashes != null;
    }

    /** Update the site in place rather than write a new folder and swap it in: only over a known site. */
    boolean inPlace(Path outDir) {
        return !previous.files().isEmpty() && Files.isDirectory(outDir);
    }

    /** Listings parsed by the previous build, to take instead of parsing their files again. */
    ParseCache parsed() {
        if (parsed == null) {
            parsed = incremental && unchanged.isEmpty()
                    ? ParseCache.read(ParseCache.location(req.outDir()), req.contentDir(),
                            codeIdentity() + " year " + req.config().year())
                    : ParseCache.none();
        }
        return parsed;
    }

    /** The listing files added since the previous build, when that is all that changed (see {@link ChangeSet}). */
    Optional<ChangeSet.Appended> appended() {
        return appended;
    }

    /**
     * The archive as the previous build kept it, when this build only appends listing files to it and updates the
     * site in place; empty otherwise, or when the state does not match the previous build's cache.
     */
    Optional<ArchiveStore.Read> archive() {
        if (appended.isEmpty() || !inPlace(req.outDir())) return Optional.empty();
        return ArchiveStore.read(ArchiveStore.location(req.outDir()),
                stateIdentity(previous.settings(), previous.inputs(), req.contentDir()), req.contentDir());
    }

    /**
     * The state belongs to the build whose cache has these hashes, of the content folder spelled so: its warnings'
     * messages may name a listing by its path as given (another paper's first listing), as a full build would.
     */
    private static String stateIdentity(String settings, String inputs, Path contentDir) {
        return settings + " " + inputs + " " + contentDir;
    }

    /** The themes of this build: an incremental one keeps the per-paper analyses beside the site too. */
    ThemeAssigner themes(SiteBuild.Request req) {
        return incremental ? req.themes().cachedFor(req.outDir()) : req.themes();
    }

    /** The old cache describes the site about to be replaced: dropped before writing, the new one after. */
    void dropPrevious() throws IOException {
        if (incremental) {
            Files.deleteIfExists(cacheFile); // its shards stay: the next cache keeps those that did not change
        } else {
            BuildCache.drop(cacheFile);
            Files.deleteIfExists(ParseCache.location(req.outDir()));
            ArchiveStore.drop(ArchiveStore.location(req.outDir()));
        }
    }

    /** Records this build for the next one; a cache that cannot be written just makes the next build a full one. */
    void save(BuildCache.Summary summary, List<Problem> warnings, Map<String, BuildCache.Entry> files,
              List<String> whole, BuildCache.Archive archive, ArchiveStore.Archive state, Optional<ArchiveStore.Read> stateRead) {
        InputHashes h = hashes == null ? null : hashes.join();
        if (h == null) return;
        try {
            new BuildCache(h.settings(), h.inputs(), summary, warnings, files, h.files(), archive, whole)
                    .write(cacheFile, Optional.of(previous));
            if (parsed != null) parsed.write(ParseCache.location(req.outDir()), req.contentDir());
            stateWritten = ArchiveStore.write(ArchiveStore.location(req.outDir()), stateIdentity(h.settings(), h.inputs(), req.contentDir()),
                    state, req.contentDir(), stateRead);
        } catch (IOException | RuntimeException e) {
            // The site is complete; without a cache or state the next build is simply a full one.
        }
    }

    private int stateWritten;

    /** How many of the state's month files {@link #save} wrote. */
    int stateWritten() {
        return stateWritten;
    }

    /** @return null when the inputs cannot be read: the build is then a full one and keeps no cache */
    private static InputHashes hashInputs(SiteBuild.Request req, Map<String, Fingerprints.InputFile> known) {
        Map<String, Fingerprints.InputFile> files = new HashMap<>();
        try {
            String settings = new Fingerprints.Sha()
                    .text("paperboy", codeIdentity())
                    // walked, not toString(): a record's toString bootstraps method handles, 30 ms of a build
                    .text("config", ModelHash.of("config", req.config()))
                    .tree("templates", req.templatesDir(), known, files)
                    .hex();
            String inputs = new Fingerprints.Sha().tree("content", req.contentDir(), known, files).hex();
            return new InputHashes(settings, inputs, files);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Which paperboy build this is: the jar's version, size and time, so a rebuilt jar invalidates the cache. The jar
     * is the class path's when that is one file of the same name: a class from the JDK's AOT cache names the jar the
     * cache was made with as its code source, which is another file when a jar is copied with its cache.
     */
    private static String codeIdentity() {
        String version = String.valueOf(BuildPlan.class.getPackage().getImplementationVersion());
        try {
            Path code = Path.of(BuildPlan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String classPath = System.getProperty("java.class.path", "");
            if (!classPath.isEmpty() && !classPath.contains(java.io.File.pathSeparator)
                    && Path.of(classPath).getFileName().equals(code.getFileName())) {
                code = Path.of(classPath);
            }
            if (Files.isRegularFile(code)) {
                return version + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            return version + " " + code; // classes folder (tests, IDE)
        } catch (Exception e) {
            return version;
        }
    }
}
