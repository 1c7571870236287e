package paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;
import paperboy.render.data.DigestJson;
import paperboy.write.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The whole digest as one JSON file, on demand: the site itself carries it split by month (data/). */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the whole digest as one JSON file (days, papers, themes; schema in the README).",
                "Here --out names the FILE to write; without it the JSON goes to standard output."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SiteConfig> config = site.config(err);
        if (config.isEmpty()) return ExitCodes.BAD_INPUT;
        Optional<ThemeAssigner> themes = site.themes(config.get(), err);
        if (themes.isEmpty()) return site.themesExitCode();
        Optional<Digest> loaded = site.digest(config.get(), themes.get(), err);
        if (loaded.isEmpty()) return ExitCodes.BAD_INPUT;
        Digest digest = loaded.get();
        byte[] json = DigestJson.whole(digest, config.get().title());
        if (!spec.commandLine().getParseResult().hasMatchedOption("--out")) {
            out.print(new String(json, StandardCharsets.UTF_8));
            out.println();
            return ExitCodes.OK;
        }
        Path file = site.out;
        try {
            // A failed export leaves the previous file as it was.
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, o -> {
                o.write(json);
                o.write('\n');
            });
        } catch (IOException e) {
            err.println(file + ": cannot write the export: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        err.println("wrote " + file + ": " + digest.days().size() + " days, " + digest.papers().size() + " papers");
        return ExitCodes.OK;
    }
}
