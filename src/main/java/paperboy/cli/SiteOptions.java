package paperboy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import paperboy.build.BuildFailed;
import paperboy.build.SiteBuild;
import paperboy.model.Digest;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.themes.Themes;
import paperboy.write.OutputFolder;
import picocli.CommandLine.Option;

/** Options shared by every command that reads the content: where things are and config overrides. */
public final class SiteOptions {
    static final Path DEFAULT_CONFIG = Path.of("paperboy.yml");

    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "content")
    Path content;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "site")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates overriding the built-in ones file by file (default: ${DEFAULT-VALUE}, if present).",
            defaultValue = "templates")
    Path templates;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: paperboy.yml if present).")
    Path config;

    @Option(names = "--year", paramLabel = "YYYY", description = "Year for date lines without one; overrides the config.")
    Integer year;

    @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is published at; overrides the config.")
    String baseUrl;

    @Option(names = "--themes", paramLabel = "MODE",
            description = "Themes: auto (clustering only), curated (content/themes.yml, then clustering) or off; overrides the config.")
    String themesMode;

    @Option(names = "--force", description = "Replace the output folder even if paperboy did not make it (never the"
            + " home, current, content, config or templates folder, or one holding them).")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces and phase timings.")
    boolean verbose;

    /** The config file with command-line overrides applied, or empty after printing why not. */
    Optional<SiteConfig> config(PrintWriter err) {
        if (!java.nio.file.Files.isDirectory(templates) && command != null
                && command.commandLine().getParseResult().hasMatchedOption("--templates")) {
            err.println("error: --templates " + templates + ": no such folder");
            return Optional.empty();
        }
        Problems problems = new Problems();
        Optional<SiteConfig> loaded = ConfigLoader.load(config != null ? config : DEFAULT_CONFIG, config != null, problems);
        if (loaded.isPresent() && baseUrl != null) {
            Optional<java.net.URI> url = ConfigLoader.parseBaseUrl(baseUrl);
            if (url.isEmpty()) {
                err.println("--base-url: \"" + baseUrl + "\" is not an absolute http(s) URL");
                return Optional.empty();
            }
            loaded = loaded.map(c -> c.withBaseUrl(url.get()));
        }
        if (year != null && (year < ConfigLoader.MIN_YEAR || year > ConfigLoader.MAX_YEAR)) {
            err.println("--year: " + year + " is not a year from " + ConfigLoader.MIN_YEAR + " to " + ConfigLoader.MAX_YEAR);
            return Optional.empty();
        }
        if (year != null) loaded = loaded.map(c -> c.withYear(year));
        // --themes goes into the config, so everything that keys on the config (the build cache) sees it.
        if (themesMode != null) {
            loaded = loaded.map(c -> c.withThemes(new ThemesConfig(themesMode, c.themes().minThemes(), c.themes().maxThemes(),
                    c.themes().embeddings())));
        }
        problems.sorted().forEach(p -> err.println(p));
        return problems.hasErrors() ? Optional.empty() : loaded;
    }

    /**
     * The theme assigner the config and {@code --themes} ask for, or empty after printing why not: a bad
     * {@code --themes} is bad usage, a bad config bad input (the exit code is then {@link #themesExitCode()}).
     */
    Optional<ThemeAssigner> themes(SiteConfig config, PrintWriter err) {
        try {
            return Optional.of(Themes.forBuild(config.themes(), null, content));
        } catch (IllegalArgumentException e) {
            err.println("error: " + (themesMode != null ? "--themes: " : "config: ") + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * False after printing why the site must not be written to {@link #out} (see {@link OutputFolder}): the
     * caller exits with {@link ExitCodes#BAD_USAGE}, having touched nothing.
     */
    boolean outAllowed(PrintWriter err) {
        java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
        inputs.put("the content folder", content);
        inputs.put("the templates folder", templates);
        inputs.put("the config file", config != null ? config : DEFAULT_CONFIG);
        Optional<String> refusal = OutputFolder.refusal(out, inputs, force);
        refusal.ifPresent(why -> err.println("error: --out " + out + ": " + why));
        return refusal.isEmpty();
    }

    int themesExitCode() {
        return themesMode != null ? ExitCodes.BAD_USAGE : ExitCodes.BAD_INPUT;
    }

    SiteBuild.Request request(SiteConfig config, ThemeAssigner themes) {
        return new SiteBuild.Request(content, out, templates, config, themes);
    }

    /** Warnings printed per file; the rest are counted (one bad file can have thousands). */
    static final int WARNINGS_PER_FILE = 5;

    /** Every error, and the first {@value #WARNINGS_PER_FILE} warnings of each file with a count of the rest. */
    /**
     * The digest of the content with these themes, its warnings printed; empty after printing the errors that
     * stopped it (the exit code is then {@link ExitCodes#BAD_INPUT}). For the commands that need no site.
     */
    Optional<Digest> digest(SiteConfig config, ThemeAssigner themes, PrintWriter err) {
        Problems problems = new Problems();
        try {
            Digest digest = SiteBuild.digest(request(config, themes), problems);
            print(err, problems.sorted());
            return Optional.of(digest);
        } catch (BuildFailed e) {
            print(err, e.problems());
            err.println("error: " + e.getMessage());
            return Optional.empty();
        }
    }

    static void print(PrintWriter err, Iterable<Problem> problems) {
        for (String line : capped(problems)) err.println(line);
    }

    /** Problems come sorted by file, so a file's count follows its warnings. */
    static List<String> capped(Iterable<Problem> problems) {
        List<String> lines = new java.util.ArrayList<>();
        Path file = null;
        int warnings = 0;
        for (Problem p : problems) {
            if (!p.where().file().equals(file)) {
                moreWarnings(lines, file, warnings);
                file = p.where().file();
                warnings = 0;
            }
            if (!p.isError() && ++warnings > WARNINGS_PER_FILE) continue;
            lines.add(p.toString());
        }
        moreWarnings(lines, file, warnings);
        return lines;
    }

    private static void moreWarnings(List<String> lines, Path file, int warnings) {
        int more = warnings - WARNINGS_PER_FILE;
        if (more > 0) lines.add(file + ": ... and " + more + " more warning" + (more == 1 ? "" : "s") + " in this file");
    }
}
