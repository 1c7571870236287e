package paperboy.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;
import paperboy.themes.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "themes", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the themes a build would assign: size, top terms and nearest theme of each.",
                "With --suggest, print a content/themes.yml proposal from the automatic clustering instead."})
public final class ThemesCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Spec
    CommandSpec spec;

    @Option(names = "--suggest", description = "Print a themes.yml proposal (names, keywords, sizes) to start a curated taxonomy from.")
    boolean suggest;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SiteConfig> config = site.config(err);
        if (config.isEmpty()) return ExitCodes.BAD_INPUT;
        Optional<ThemeAssigner> chosen = suggest ? Optional.of(ThemeAssigner.none()) : site.themes(config.get(), err);
        if (chosen.isEmpty()) return site.themesExitCode();
        Optional<Digest> loaded = site.digest(config.get(), chosen.get(), err);
        if (loaded.isEmpty()) return ExitCodes.BAD_INPUT;
        Digest digest = loaded.get();
        if (suggest) {
            out.print(Suggestion.yaml(digest.papers(), config.get().themes()));
            return ExitCodes.OK;
        }
        Suggestion.report(digest.papers(), digest.themes()).forEach(out::println);
        out.println(digest.themes().size() + " themes, " + digest.papers().size() + " papers");
        return ExitCodes.OK;
    }
}
