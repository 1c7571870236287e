package paperboy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import paperboy.assemble.DigestAssembler;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.TimedThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.editorial.EditorialLoader;
import paperboy.editorial.EditorialSource;
import paperboy.editorial.Markdown;
import paperboy.incremental.BuildCache;
import paperboy.incremental.Fingerprints;
import paperboy.incremental.Progress;
import paperboy.incremental.SiteOutput;
import paperboy.model.Digest;
import paperboy.parse.ContentLoader;
import paperboy.parse.ParseCache;
import paperboy.parse.Problem;
import paperboy.parse.Problems;
import paperboy.parse.SnapshotParser;
import paperboy.parse.Snapshot;
import paperboy.render.RenderContext;
import paperboy.render.RenderException;
import paperboy.render.SiteRenderer;
import paperboy.render.Templates;
import paperboy.write.InPlaceWriter;
import paperboy.write.SiteSink;
import paperboy.write.SiteWriter;
import paperboy.write.WriteStats;

/**
 * One build, in named phases: load (parse every input) → assemble (dedup, days, themes) → render (page kinds ×
 * output formats) → write (atomic swap). Any error stops the build before the write phase, so the previous
 * site stays as it was.
 */
public final class SiteBuild {

    /** What to build from and where to. */
    public record Request(Path contentDir, Path outDir, Path templatesDir, SiteConfig config, ThemeAssigner themes) {}

    /**
     * What a successful build did. Phase times in milliseconds, in phase order.
     *
     * @param digest      the digest built; null only for a no-op build, which reads nothing (see {@code pages})
     * @param pages       counts of the build, and how many pages were rendered or reused from the previous build
     */
    public record Report(Digest digest, WriteStats written, List<Problem> warnings, Map<String, Long> phaseMillis,
                         Pages pages) {}

    /**
     * @param noOp     nothing changed since the previous build: nothing was read, rendered or written
     * @param rendered templated pages rendered
     * @param reused   templated pages whose view model had not changed, kept from the previous build
     */
    public record Pages(BuildCache.Summary summary, boolean noOp, int rendered, int reused) {}

    private final SiteRenderer renderer;
    private final boolean incremental;
    private final boolean inPlace;
    /** The templates, already loading (see {@link #withTemplatesLoading}); null: {@link #run} starts loading them. */
    private final CompletableFuture<Templates> templatesAhead;
    private final Progress progress;

    /** A full build: every page rendered, no cache read or written. */
    public SiteBuild(SiteRenderer renderer) {
        this(renderer, false);
    }

    /**
     * @param incremental read and write the build cache beside the site: skip the build when nothing changed,
     *                    render only pages whose view model changed. The output is the same as a full build's.
     */
    public SiteBuild(SiteRenderer renderer, boolean incremental) {
        this(renderer, incremental, true);
    }

    /**
     * @param inPlace with a usable cache, update the site in place ({@link InPlaceWriter}) instead of building a
     *                new folder of hard links and swapping it in: much faster when few of many files change
     */
    public SiteBuild(SiteRenderer renderer, boolean incremental, boolean inPlace) {
        this(renderer, incremental, inPlace, null, Progress.none());
    }

    private SiteBuild(SiteRenderer renderer, boolean incremental, boolean inPlace,
                      CompletableFuture<Templates> templatesAhead, Progress progress) {
        this.renderer = renderer;
        this.incremental = incremental;
        this.inPlace = inPlace;
        this.templatesAhead = templatesAhead;
        this.progress = progress;
    }

    /**
     * The same build, using templates the caller started loading (from the request's templates folder) before
     * it read the config, so they compile on the other core from the very start of the run.
     */
    public SiteBuild withTemplatesLoading(CompletableFuture<Templates> templates) {
        return new SiteBuild(renderer, incremental, inPlace, templates, progress);
    }

    /** The same build, telling {@code progress} how far rendering and writing are (a progress bar). */
    public SiteBuild withProgress(Progress progress) {
        return new SiteBuild(renderer, incremental, inPlace, templatesAhead, progress);
    }

    /** Starts loading and compiling the templates of {@code dir} on another thread. */
    public static CompletableFuture<Templates> loadTemplates(Path dir) {
        return CompletableFuture.supplyAsync(() -> Templates.from(dir).preload(dir));
    }

    /** Loads and assembles the digest without rendering: for tests and the other commands. */
    public Digest load(Request req, Problems problems, Map<String, Long> phaseMillis) throws BuildFailed {
        return load(req, problems, phaseMillis, ParseCache.none());
    }

    private Digest load(Request req, Problems problems, Map<String, Long> phaseMillis, ParseCache parsed)
            throws BuildFailed {
        long t0 = System.nanoTime();
        List<Snapshot> snapshots = new ContentLoader(new SnapshotParser(req.config().year()))
                .load(req.contentDir(), problems, parsed);
        EditorialSource editorial = new EditorialLoader(new Markdown(req.config().markdown()))
                .load(req.contentDir(), problems);
        phaseMillis.put("parse", ms(t0));
        failOnErrors(problems);
        long t1 = System.nanoTime();
        TimedThemeAssigner themes = new TimedThemeAssigner(req.themes());
        Digest digest = new DigestAssembler(themes).assemble(snapshots, problems);
        digest = editorial.attachTo(digest, problems);
        phaseMillis.put("assemble", ms(t1) - themes.millis());
        phaseMillis.put("themes", themes.millis());
        failOnErrors(problems);
        return digest;
    }

    public Report run(Request req) throws BuildFailed {
        Problems problems = new Problems();
        Map<String, Long> phases = new LinkedHashMap<>();
        Path cacheFile = BuildCache.location(req.outDir());
        BuildCache previous = BuildCache.empty();
        String settings = null, inputs = null;
        Map<String, Fingerprints.InputFile> inputFiles = new HashMap<>();
        CompletableFuture<InputHashes> hashing = null;
        if (incremental && !Files.exists(cacheFile)) {
            // No previous build to compare with (a fresh folder): nothing can be skipped, so the inputs are
            // hashed for the next build's cache on another core while this one parses and renders.
            long t = System.nanoTime();
            hashing = CompletableFuture.supplyAsync(() -> hashInputs(req));
            phases.put("cache", ms(t));
        } else if (incremental) {
            long t = System.nanoTime();
            try {
                Optional<BuildCache> cached = BuildCache.read(cacheFile);
                Map<String, Fingerprints.InputFile> known = cached.map(BuildCache::inputFiles).orElse(Map.of());
                settings = settingsHash(req, known, inputFiles);
                inputs = new Fingerprints.Sha().tree("content", req.contentDir(), known, inputFiles).hex();
                String s = settings;
                previous = cached.filter(c -> c.settings().equals(s)).orElse(BuildCache.empty());
            } catch (IOException e) {
                settings = null; // cannot hash the inputs: build in full, keep no cache
            }
            phases.put("cache", ms(t));
            if (settings != null && previous.inputs().equals(inputs) && previous.siteIntact(req.outDir())) {
                return new Report(null, new WriteStats(previous.files().size(), 0, previous.files().size(),
                        previous.files().values().stream().mapToLong(BuildCache.Entry::size).sum()),
                        previous.warnings(), phases, new Pages(previous.summary(), true, 0, 0));
            }
        }
        // FreeMarker's classes and the templates load on the other core while this one parses.
        CompletableFuture<Templates> preloaded = templatesAhead != null ? templatesAhead
                : loadTemplates(req.templatesDir());
        // An incremental build keeps the themes' per-paper analyses beside the site too; --no-cache neither reads nor writes them.
        Request themed = !incremental ? req : new Request(req.contentDir(), req.outDir(), req.templatesDir(),
                req.config(), req.themes().cachedFor(req.outDir()));
        ParseCache parsed = incremental ? ParseCache.read(ParseCache.location(req.outDir()), req.contentDir(),
                codeIdentity() + " year " + req.config().year()) : ParseCache.none();
        Digest digest = load(themed, problems, phases, parsed);
        paperboy.render.feed.Feeds.missingBaseUrl(req.config()).ifPresent(problems::add);
        long t0 = System.nanoTime();
        SiteOutput.Result out;
        WriteStats stats;
        try {
            Templates templates = preloaded(preloaded);
            RenderContext ctx = new RenderContext(req.config(), templates, req.templatesDir());
            // The old cache describes the site about to be replaced: drop it first, write the new one after.
            Files.deleteIfExists(cacheFile);
            if (!incremental) Files.deleteIfExists(ParseCache.location(req.outDir()));
            boolean update = inPlace && !previous.files().isEmpty() && Files.isDirectory(req.outDir());
            SiteSink session = update ? new InPlaceWriter().open(req.outDir()) : new SiteWriter().open(req.outDir());
            try {
                out = SiteOutput.run(renderer, digest, ctx, session, previous, settings != null || hashing != null,
                        progress);
            } catch (IOException | RuntimeException e) {
                session.abort();
                throw e;
            }
            long t1 = System.nanoTime();
            // Render and write overlap on all cores: their wall time is split in proportion to thread time.
            double renderShare = out.renderNanos() / (double) Math.max(1, out.renderNanos() + out.writeNanos());
            phases.put("render", Math.round((t1 - t0) * renderShare / 1_000_000));
            phases.put("write", Math.round((t1 - t0) * (1 - renderShare) / 1_000_000));
            stats = session.commit();
            phases.put("swap", ms(t1));
        } catch (RenderException e) {
            throw new BuildFailed(e.getMessage(), problems.sorted());
        } catch (IOException e) {
            throw new BuildFailed(req.outDir() + ": cannot write the site: " + e.getMessage(), problems.sorted());
        }
        if (hashing != null) {
            InputHashes h = hashing.join();
            settings = h.settings();
            inputs = h.inputs();
            inputFiles.putAll(h.files());
        }
        BuildCache.Summary summary = new BuildCache.Summary(digest.days().size(), digest.listingCount(),
                digest.papers().size());
        if (settings != null) {
            try {
                new BuildCache(settings, inputs, summary, problems.sorted(), out.files(), inputFiles).write(cacheFile);
                parsed.write(ParseCache.location(req.outDir()), req.contentDir());
            } catch (IOException e) {
                // The site is complete; without a cache the next build is simply a full one.
            }
        }
        return new Report(digest, stats, problems.sorted(), phases,
                new Pages(summary, false, out.rendered(), out.reused()));
    }

    private static Templates preloaded(CompletableFuture<Templates> templates) {
        try {
            return templates.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RenderException r) throw r;
            throw e;
        }
    }

    /** The hashes of a build's settings and content, for its cache; null hashes when they cannot be read. */
    private record InputHashes(String settings, String inputs, Map<String, Fingerprints.InputFile> files) {}

    private static InputHashes hashInputs(Request req) {
        Map<String, Fingerprints.InputFile> files = new HashMap<>();
        try {
            String settings = settingsHash(req, Map.of(), files);
            String inputs = new Fingerprints.Sha().tree("content", req.contentDir(), Map.of(), files).hex();
            return new InputHashes(settings, inputs, files);
        } catch (IOException | java.io.UncheckedIOException e) {
            return new InputHashes(null, null, Map.of()); // build in full, keep no cache
        }
    }

    /** Everything besides the content that can change any page: paperboy itself, the config, the templates. */
    private static String settingsHash(Request req, Map<String, Fingerprints.InputFile> known,
                                       Map<String, Fingerprints.InputFile> seen) throws IOException {
        return new Fingerprints.Sha()
                .text("paperboy", codeIdentity())
                .text("config", req.config().toString())
                .tree("templates", req.templatesDir(), known, seen)
                .hex();
    }

    /** Which paperboy build this is: the jar's version, size and time, so a rebuilt jar invalidates the cache. */
    private static String codeIdentity() {
        String version = String.valueOf(SiteBuild.class.getPackage().getImplementationVersion());
        try {
            Path code = Path.of(SiteBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return version + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            return version + " " + code; // classes folder (tests, IDE)
        } catch (Exception e) {
            return version;
        }
    }

    private static void failOnErrors(Problems problems) throws BuildFailed {
        if (problems.hasErrors()) {
            throw new BuildFailed("the content has errors; nothing was written", problems.sorted());
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
