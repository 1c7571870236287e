package paperboy.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import paperboy.assemble.DigestAssembler;
import paperboy.assemble.PaperField;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.editorial.EditorialLoader;
import paperboy.editorial.EditorialSource;
import paperboy.editorial.Markdown;
import paperboy.incremental.BuildCache;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.ThemeActivity;
import paperboy.state.ArchiveStore;
import paperboy.parse.ContentLoader;
import paperboy.parse.ParseCache;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.parse.SnapshotParser;
import paperboy.parse.Snapshot;
import paperboy.render.RenderContext;
import paperboy.render.Scope;
import paperboy.render.RenderException;
import paperboy.render.feed.Feeds;
import paperboy.render.Templates;
import paperboy.write.CommitUnfinished;
import paperboy.write.InPlaceWriter;
import paperboy.write.SiteLock;
import paperboy.write.SiteRecovery;
import paperboy.write.SiteSink;
import paperboy.write.SiteWriter;
import paperboy.write.WriteStats;

/**
 * One build, in phases run in order and each timed (see {@link #run}): parse (every input) → assemble (dedup,
 * days, slugs, editorial) → themes → render (page kinds × output formats) and write (together, on every core) →
 * swap. What an incremental build may skip is one {@link BuildPlan} that the phases consult. Any error stops the
 * build before the write phase, so the previous site stays as it was.
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
     * @param scope    what the build rendered: "all", or what the new days reach
     * @param state    whether the build started from the archive kept ({@link ArchiveStore}) or read every listing
     * @param renderers per output format, the thread time it took to render, in ms ({@link SiteOutput.Result#byRenderer})
     */
    public record Pages(BuildCache.Summary summary, boolean noOp, int rendered, int reused, String scope, State state,
                        Map<String, Long> renderers) {}

    /**
     * What the build did with the archive kept between builds ({@link ArchiveStore}).
     *
     * @param appended      it appended the new listing files' days to the archive kept, instead of reading every listing
     * @param monthsRead    of the archive's months ({@code monthsKept}), how many it read: those a day or paper it
     *                      read was in
     * @param monthsWritten how many it wrote (the others were unchanged)
     * @param papersRead    of the archive's papers ({@code papersKept}), how many it decoded: those it showed, looked
     *                      up or wrote again
     * @param textsRead     of their abstracts, how many it decoded
     */
    public record State(boolean appended, int monthsRead, int monthsKept, int monthsWritten, int papersRead,
                        int textsRead, int papersKept) {
        static final State NONE = new State(false, 0, 0, 0, 0, 0, 0);

        @Override
        public String toString() {
            return (appended ? "days appended to the archive kept (" + monthsRead + " of its " + monthsKept
                    + " months read; " + papersRead + " of its " + papersKept + " papers and " + textsRead
                    + " abstracts decoded)" : "every listing read") + ", " + monthsWritten + " of its months written";
        }
    }

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

    /**
     * Builds the site. One build at a time per site ({@link SiteLock}); a build killed earlier is finished or
     * undone first ({@link SiteRecovery}).
     */
    public Report run(Request req) throws BuildFailed {
        try (SiteLock lock = SiteLock.acquire(req.outDir())) {
            SiteRecovery.recover(req.outDir());
            try {
                return runLocked(req);
            } catch (RuntimeException e) {
                if (damaged(e, ArchiveStore.Damaged.class)) {
                    // A month of the archive kept was found damaged as the build read it, before anything was
                    // written: the build starts again from the listings, without it.
                    ArchiveStore.drop(ArchiveStore.location(req.outDir()));
                } else if (damaged(e, BuildCache.Damaged.class)) {
                    // So was a shard of the build cache: the build starts again without the cache, a full one.
                    BuildCache.drop(BuildCache.location(req.outDir()));
                } else {
                    throw e;
                }
                return runLocked(req);
            }
        } catch (SiteLock.Busy e) {
            throw new BuildFailed(e.getMessage(), List.of());
        } catch (IOException e) {
            throw new BuildFailed(req.outDir() + ": cannot recover the site from an earlier build: " + e.getMessage(),
                    List.of());
        }
    }

    /** Whether damage of this kind (of the state or the cache) stopped a build, however the phases wrapped it. */
    private static boolean damaged(Throwable e, Class<? extends RuntimeException> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) if (kind.isInstance(t)) return true;
        return false;
    }

    /** The phases of a build, in order. Each is timed; {@code --verbose} prints the times. */
    private Report runLocked(Request req) throws BuildFailed {
        Problems problems = new Problems();
        Phases phases = new Phases();
        BuildPlan plan = phases.time("cache", () -> BuildPlan.of(req, incremental));
        if (plan.nothingChanged()) return nothingToDo(plan, phases);
        // FreeMarker's classes and the templates load on the other core while this one parses.
        CompletableFuture<Templates> templates = templatesAhead != null ? templatesAhead
                : loadTemplates(req.templatesDir());
        // The daily case starts from the archive as the previous build kept it, and reads only the new listings.
        Optional<ArchiveStore.Read> stored = plan.appended().isPresent() ? phases.time("state", plan::archive)
                : Optional.empty();
        Listings listings = stored.flatMap(s -> phases.time("parse", () -> appended(req, s, plan.appended().get())))
                .orElseGet(() -> phases.time("parse", () -> Listings.all(req, plan.parsed())));
        EditorialSource editorial = phases.time("editorial", () -> loadEditorial(req, problems));
        if (listings.problems().hasErrors()) {
            listings.problems().sorted().forEach(problems::add);
            failOnErrors(problems);
        }
        DigestAssembler.Assembly assembly = listings.appended().isPresent() ? listings.appended().get()
                : phases.time("assemble", () -> new DigestAssembler(ThemeAssigner.none())
                        .assembleKeeping(listings.snapshots(), listings.problems()));
        listings.problems().sorted().forEach(problems::add);
        Digest assembled = editorial.attachTo(assembly.digest(), problems);
        Optional<ArchiveStore.Archive> before = listings.appended().isPresent() ? stored.map(ArchiveStore.Read::archive)
                : Optional.empty();
        Themed themed = phases.time("themes", () -> themes(assembled, before, plan.themes(req), problems));
        Digest digest = themed.digest();
        failOnErrors(problems);
        Feeds.missingBaseUrl(req.config()).ifPresent(problems::add);
        // Only a site updated in place can keep what a change does not reach; a swapped-in folder is written whole.
        Scope scope = inPlace ? plan.scope(digest, req.themes(), listings.appended().isPresent()) : Scope.all();
        Optional<ThemeActivity> activity = activity(digest, themed, before);
        Written out = renderAndWrite(req, plan, digest, scope, activity, templates, problems, phases);
        BuildCache.Summary summary = new BuildCache.Summary(digest.days().size(), digest.listingCount(),
                digest.papers().size());
        phases.time("save", () -> {
            plan.save(summary, problems.sorted(), out.files(), out.whole(), ChangeSet.archive(digest, scope, plan.previous().archive()),
                    new ArchiveStore.Archive(new DigestAssembler.Assembly(digest, assembly.identities()),
                            listings.problems().sorted(), themed.storeKey(), activity),
                    listings.appended().isPresent() ? stored : Optional.empty());
            return null;
        });
        Optional<ArchiveStore.Read> used = listings.appended().isPresent() ? stored : Optional.empty();
        State state = new State(used.isPresent(), used.map(ArchiveStore.Read::monthsDecoded).orElse(0),
                used.map(s -> s.files().size()).orElse(0), plan.stateWritten(),
                used.map(ArchiveStore.Read::papersDecoded).orElse(0), used.map(s -> s.texts().read()).orElse(0),
                used.map(ArchiveStore.Read::papersKept).orElse(0));
        return new Report(digest, out.stats(), problems.sorted(), phases.millis(),
                new Pages(summary, false, out.result().rendered(), out.result().reused(), scope.toString(), state,
                        out.result().byRenderer()));
    }

    /**
     * The listings of a build: every listing file parsed, or the archive as the previous build kept it with the
     * new files' days {@link DigestAssembler#append appended}.
     *
     * @param problems what reading and assembling the listings reported: kept with the archive for the next build
     */
    private record Listings(List<Snapshot> snapshots, Optional<DigestAssembler.Assembly> appended, Problems problems) {
        static Listings all(Request req, ParseCache parsed) {
            Problems problems = new Problems();
            List<Snapshot> snapshots = loader(req)
                    .load(req.contentDir(), problems, parsed);
            return new Listings(snapshots, Optional.empty(), problems);
        }
    }

    /** The new files parsed and their days appended to the archive kept; empty when they cannot simply be appended. */
    private static Optional<Listings> appended(Request req, ArchiveStore.Read stored, ChangeSet.Appended added) {
        Problems problems = new Problems();
        stored.archive().listingWarnings().forEach(problems::add);
        List<Path> files = added.files().stream().map(req.contentDir()::resolve).toList();
        List<Snapshot> snapshots = loader(req)
                .loadFiles(req.contentDir(), files, problems);
        // A failing build reports what a full one would: the kept warnings include the assembly's, which a full
        // build stopped by a listing's error never reaches; reading every listing tells the same story.
        if (problems.hasErrors()) return Optional.empty();
        return new DigestAssembler(ThemeAssigner.none()).append(stored.archive().assembly(), snapshots, problems)
                .map(a -> new Listings(snapshots, Optional.of(a), problems));
    }

    /**
     * Loads and assembles the digest without rendering, for the commands that only need the digest (newsletter,
     * send) and for tests.
     */
    public static Digest digest(Request req, Problems problems) throws BuildFailed {
        Sources sources = load(req, problems, ParseCache.none());
        failOnErrors(problems);
        Digest digest = themes(assemble(sources, problems), req.themes(), problems);
        failOnErrors(problems);
        return digest;
    }

    /** What the content folder holds, parsed: the listings and the editor's notes and pages. */
    private record Sources(List<Snapshot> snapshots, EditorialSource editorial) {}

    private static Sources load(Request req, Problems problems, ParseCache parsed) {
        List<Snapshot> snapshots = loader(req)
                .load(req.contentDir(), problems, parsed);
        return new Sources(snapshots, loadEditorial(req, problems));
    }

    private static ContentLoader loader(Request req) {
        return new ContentLoader(new SnapshotParser(req.config().year()));
    }

    private static EditorialSource loadEditorial(Request req, Problems problems) {
        return new EditorialLoader(new Markdown(req.config().markdown())).load(req.contentDir(), problems);
    }

    private static Digest assemble(Sources sources, Problems problems) {
        Digest digest = new DigestAssembler(ThemeAssigner.none()).assemble(sources.snapshots(), problems);
        return sources.editorial().attachTo(digest, problems);
    }

    private static Digest themes(Digest assembled, ThemeAssigner themes, Problems problems) {
        return themes.assign(assembled.papers(), problems).applyTo(assembled);
    }

    /** A digest with its themes, and the key of the themes' daily store they came with (kept with the archive). */
    /**
     * @param placed the themes placed only the new papers, leaving every earlier paper's themes as they were
     */
    private record Themed(Digest digest, String storeKey, boolean placed) {}

    /**
     * The themes of {@code assembled}; when it is the archive {@code before} with days appended, from
     * {@code before}'s themes if the assigner can tell them so ({@link ThemeAssigner#assignAppended}): then only the
     * new days and the papers they list are read, not the archive.
     */
    private static Themed themes(Digest assembled, Optional<ArchiveStore.Archive> before, ThemeAssigner themes,
                                 Problems problems) {
        if (before.isEmpty()) {
            ThemeAssigner.Assignment a = themes.assign(assembled.papers(), problems);
            return new Themed(a.applyTo(assembled), a.storeKey(), false);
        }
        Digest b = before.get().assembly().digest();
        // The new papers are those first listed on the appended days; every paper these days list was built anew
        // by the assembler (without themes), so those are the papers the themes are put back on.
        Set<String> added = new HashSet<>(), listed = new HashSet<>();
        for (int i = b.days().size(); i < assembled.days().size(); i++) {
            for (Listing l : assembled.days().get(i).listings()) {
                listed.add(l.paperSlug());
                if (l.isNew()) added.add(l.paperSlug());
            }
        }
        ThemeAssigner.Assignment was = new ThemeAssigner.Assignment(b.themes(),
                new PaperField(b.papersBySlug(), Paper::themes), new PaperField(b.papersBySlug(), Paper::related),
                b.retiredThemes(), before.get().themesStoreKey());
        Optional<ThemeAssigner.Assignment> daily = themes.assignAppended(assembled, added, was, problems);
        if (daily.isEmpty()) {
            ThemeAssigner.Assignment a = themes.assign(assembled.papers(), problems);
            return new Themed(a.applyTo(assembled), a.storeKey(), false);
        }
        ThemeAssigner.Assignment a = daily.get();
        Digest digest = a.changed().map(changed -> {
            Set<String> only = new HashSet<>(changed);
            only.addAll(listed);
            return a.applyTo(assembled, only);
        }).orElseGet(() -> a.applyTo(assembled));
        return new Themed(digest, a.storeKey(), true);
    }

    /**
     * The themes' listings per day: the kept counts with the new days counted, when the themes placed only the new
     * papers (every earlier paper has the themes it had when they were counted); else counted over the archive.
     */
    private static Optional<ThemeActivity> activity(Digest digest, Themed themed, Optional<ArchiveStore.Archive> before) {
        if (digest.themes().isEmpty()) return Optional.empty();
        Optional<ThemeActivity> kept = before.filter(b -> themed.placed()).flatMap(ArchiveStore.Archive::themeActivity)
                .filter(a -> a.days() == before.get().assembly().digest().days().size()
                        && a.fitsThemesOf(digest));
        return Optional.of(kept.map(a -> a.extendedTo(digest)).orElseGet(() -> ThemeActivity.counted(digest)));
    }

    /** @param files every file of the site now, with its fingerprint, for the next build's cache */
    /** @param whole the files of {@code files} written whole in every build ({@code Renderer.rewrittenWhole}) */
    private record Written(SiteOutput.Result result, WriteStats stats, Map<String, BuildCache.Entry> files,
                           List<String> whole) {}

    private static boolean startsWithAny(String path, String[] prefixes) {
        for (String prefix : prefixes) if (path.startsWith(prefix)) return true;
        return false;
    }

    /** Render and write run together on every core; the site is swapped in (or updated in place) at the end. */
    private Written renderAndWrite(Request req, BuildPlan plan, Digest digest, Scope scope,
                                   Optional<ThemeActivity> activity, CompletableFuture<Templates> templates,
                                   Problems problems, Phases phases)
            throws BuildFailed {
        long t0 = System.nanoTime();
        try {
            RenderContext ctx = new RenderContext(req.config(), preloaded(templates), req.templatesDir()).within(scope);
            if (activity.isPresent()) ctx = ctx.withThemeActivity(activity.get());
            BuildCache previous = plan.previous();
            plan.dropPrevious();
            SiteSink session = inPlace && plan.inPlace(req.outDir()) ? new InPlaceWriter().open(req.outDir())
                    : new SiteWriter().open(req.outDir());
            SiteOutput.Result out;
            Map<String, BuildCache.Entry> files;
            List<String> whole;
            try {
                out = SiteOutput.run(renderer, digest, ctx, session, previous, plan.fingerprints(), progress);
                files = out.files();
                String[] prefixes = renderer.renderers().stream().flatMap(r -> r.rewrittenWhole().stream())
                        .toArray(String[]::new);
                whole = new ArrayList<>();
                for (String p : out.files().keySet()) if (startsWithAny(p, prefixes)) whole.add(p);
                whole.sort(null);
                if (!scope.everything()) {
                    // What the change did not reach stays as the previous build wrote it, but for the files written
                    // whole that this build did not write again. Only the shards of the files written are read.
                    List<String> stale = new ArrayList<>();
                    for (String p : previous.whole()) if (!out.files().containsKey(p)) stale.add(p);
                    session.keepUnrendered(previous.files().size(), previous.files()::containsKey, stale);
                    files = previous.filesWith(out.files(), stale);
                }
            } catch (IOException | RuntimeException e) {
                session.abort();
                throw e;
            }
            long t1 = System.nanoTime();
            // Render and write overlap on all cores: their wall time is split in proportion to thread time.
            double renderShare = out.renderNanos() / (double) Math.max(1, out.renderNanos() + out.writeNanos());
            phases.put("render", Math.round((t1 - t0) * renderShare / 1_000_000));
            phases.put("write", Math.round((t1 - t0) * (1 - renderShare) / 1_000_000));
            WriteStats stats = session.commit();
            phases.put("swap", (System.nanoTime() - t1) / 1_000_000);
            return new Written(out, stats, files, whole);
        } catch (RenderException e) {
            throw new BuildFailed(e.getMessage(), problems.sorted());
        } catch (CommitUnfinished e) {
            throw new BuildFailed(e.getMessage(), problems.sorted(), false);
        } catch (IOException e) {
            throw new BuildFailed(req.outDir() + ": cannot write the site: " + e.getMessage(), problems.sorted());
        }
    }

    /** A no-op build reports what the previous one did. */
    private static Report nothingToDo(BuildPlan plan, Phases phases) {
        BuildCache.Head previous = plan.unchanged().orElseThrow();
        return new Report(null, new WriteStats(previous.fileCount(), 0, previous.fileCount(), previous.fileBytes()),
                previous.warnings(), phases.millis(),
                new Pages(previous.summary(), true, 0, 0, "none", State.NONE, Map.of()));
    }

    private static Templates preloaded(CompletableFuture<Templates> templates) {
        try {
            return templates.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RenderException r) throw r;
            throw e;
        }
    }

    private static void failOnErrors(Problems problems) throws BuildFailed {
        if (problems.hasErrors()) {
            throw new BuildFailed("the content has errors; nothing was written", problems.sorted());
        }
    }
}
