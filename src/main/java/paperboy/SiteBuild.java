package paperboy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paperboy.assemble.DigestAssembler;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.TimedThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.editorial.EditorialLoader;
import paperboy.editorial.EditorialSource;
import paperboy.editorial.Markdown;
import paperboy.model.Digest;
import paperboy.parse.ContentLoader;
import paperboy.parse.Problem;
import paperboy.parse.Problems;
import paperboy.parse.SnapshotParser;
import paperboy.parse.Snapshot;
import paperboy.render.RenderContext;
import paperboy.render.RenderException;
import paperboy.render.SiteRenderer;
import paperboy.render.Templates;
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

    /** What a successful build did. Phase times in milliseconds, in phase order. */
    public record Report(Digest digest, WriteStats written, List<Problem> warnings, Map<String, Long> phaseMillis) {}

    private final SiteRenderer renderer;

    public SiteBuild(SiteRenderer renderer) {
        this.renderer = renderer;
    }

    /** Loads and assembles the digest without rendering: for tests and the other commands. */
    public Digest load(Request req, Problems problems, Map<String, Long> phaseMillis) throws BuildFailed {
        long t0 = System.nanoTime();
        List<Snapshot> snapshots = new ContentLoader(new SnapshotParser(req.config().year()))
                .load(req.contentDir(), problems);
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
        Digest digest = load(req, problems, phases);
        paperboy.render.feed.Feeds.missingBaseUrl(req.config()).ifPresent(problems::add);
        long t0 = System.nanoTime();
        SiteRenderer.Result rendered;
        try {
            Templates templates = Templates.from(req.templatesDir());
            rendered = renderer.render(digest, new RenderContext(req.config(), templates, req.templatesDir()));
        } catch (RenderException e) {
            throw new BuildFailed(e.getMessage(), problems.sorted());
        }
        phases.put("render", ms(t0));
        long t1 = System.nanoTime();
        WriteStats stats;
        try {
            stats = new SiteWriter().write(rendered.outputs(), req.outDir());
        } catch (IOException e) {
            throw new BuildFailed(req.outDir() + ": cannot write the site: " + e.getMessage(), problems.sorted());
        }
        phases.put("write", ms(t1));
        return new Report(digest, stats, problems.sorted(), phases);
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
