package paperboy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.themes.Themes;
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

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces and phase timings.")
    boolean verbose;

    /** The config file with command-line overrides applied, or empty after printing why not. */
    Optional<SiteConfig> config(PrintWriter err) {
        if (!java.nio.file.Files.isDirectory(templates) && command != null
                && command.commandLine().getParseResult().hasMatchedOption("--templates")) {
            err.println("error: --templates " + templates + ": no such folder");
            return Optional.empty();
        }
        Optional<String> clash = outClash();
        if (clash.isPresent()) {
            err.println("error: --out " + out + ": " + clash.get() + "; choose another --out");
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
        if (year != null) loaded = loaded.map(c -> c.withYear(year));
        // --themes goes into the config, so everything that keys on the config (the build cache) sees it.
        if (themesMode != null) {
            loaded = loaded.map(c -> c.withThemes(new ThemesConfig(themesMode, c.themes().minThemes(), c.themes().maxThemes())));
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
     * Why {@link #out} must not be used, if it must not: the build replaces the output folder whole, so it may
     * neither hold nor lie inside the inputs (a mistyped {@code --out content} would delete the content).
     */
    Optional<String> outClash() {
        Path target = real(out);
        Path contentDir = real(content);
        if (target.startsWith(contentDir)) return Optional.of(target.equals(contentDir)
                ? "it is the content folder" : "it is inside the content folder " + content);
        if (contentDir.startsWith(target)) return Optional.of("it holds the content folder " + content);
        if (real(templates).startsWith(target) || target.startsWith(real(templates))) {
            return Optional.of("it overlaps the templates folder " + templates);
        }
        if (real(config != null ? config : DEFAULT_CONFIG).startsWith(target)) {
            return Optional.of("it holds the config file");
        }
        return Optional.empty();
    }

    /** The path with symbolic links resolved where it exists, so two spellings of one folder compare equal. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return java.nio.file.Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (java.io.IOException e) {
            return abs;
        }
    }

    int themesExitCode() {
        return themesMode != null ? ExitCodes.BAD_USAGE : ExitCodes.BAD_INPUT;
    }

    SiteBuild.Request request(SiteConfig config, ThemeAssigner themes) {
        return new SiteBuild.Request(content, out, templates, config, themes);
    }

    static void print(PrintWriter err, Iterable<Problem> problems) {
        for (Problem p : problems) err.println(p);
    }
}
