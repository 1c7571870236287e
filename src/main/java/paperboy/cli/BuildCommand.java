package paperboy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import paperboy.incremental.BuildCache;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import paperboy.build.BuildFailed;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.build.SiteRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build the site from the content folder into the output folder.")
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Spec
    CommandSpec spec;

    @Option(names = "--no-cache", description = "Render every page; ignore and remove the build cache beside the site.")
    boolean noCache;

    @Option(names = "--swap", hidden = true, description = "Benchmarks: always write a new folder and swap it in.")
    boolean swap;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The build, printing to these; also the build step of {@code daily}. */
    int run(PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        if (!site.outAllowed(err)) return ExitCodes.BAD_USAGE;
        // The templates load on the other core while this one reads the config and the content; over an earlier
        // build's cache they load once the build knows it has something to do (a no-op needs none, and on two
        // cores their 0.15 s of CPU would take one from checking the site).
        var templates = noCache || !Files.exists(BuildCache.location(site.out)) ? SiteBuild.loadTemplates(site.templates)
                : null;
        Optional<SiteConfig> config = site.config(err);
        if (config.isEmpty()) return ExitCodes.BAD_INPUT;
        Optional<ThemeAssigner> themes = site.themes(config.get(), err);
        if (themes.isEmpty()) return site.themesExitCode();
        try {
            SiteBuild.Report r = new SiteBuild(SiteRenderer.standard(), !noCache, !swap)
                    .withTemplatesLoading(templates)
                    .withProgress(TerminalProgress.forThisProcess())
                    .run(site.request(config.get(), themes.get()));
            SiteOptions.print(err, r.warnings());
            double secs = (System.nanoTime() - start) / 1e9;
            var sum = r.pages().summary();
            out.println(String.format(Locale.ROOT, "Built %s: %s, %s, %s; %s (%d written, %d unchanged), %s, %.2f s",
                    site.out, Count.of(sum.days(), "day"), Count.of(sum.listings(), "listing"),
                    Count.of(sum.papers(), "paper"), Count.of(r.written().files(), "file"), r.written().written(),
                    r.written().unchanged(), Count.of(r.warnings().size(), "warning"), secs));
            if (site.verbose) {
                out.println(r.pages().noOp() ? "nothing changed since the previous build"
                        : "pages: " + r.pages().rendered() + " rendered, " + r.pages().reused() + " reused; scope: "
                        + r.pages().scope() + "; state: " + r.pages().state());
                out.println("phases: " + r.phaseMillis().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")));
                if (!r.pages().renderers().isEmpty()) {
                    out.println("render by format (thread time): " + r.pages().renderers().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")));
                }
            }
            return ExitCodes.OK;
        } catch (OutOfMemoryError | RuntimeException e) {
            if (OutOfMemory.in(e).isEmpty()) throw e;
            err.println("error: " + OutOfMemory.message(site.content) + "; " + site.out + " was left as it was");
            return ExitCodes.BAD_INPUT;
        } catch (BuildFailed e) {
            SiteOptions.print(err, e.problems());
            err.println("error: " + e.getMessage() + (e.siteKept() ? "; " + site.out + " was left as it was" : ""));
            if (site.verbose) e.printStackTrace(err);
            return ExitCodes.BAD_INPUT;
        }
    }
}
