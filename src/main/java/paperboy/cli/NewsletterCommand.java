package paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import paperboy.render.Output;
import paperboy.render.RenderException;
import paperboy.render.newsletter.MimeEdition;
import paperboy.render.newsletter.Newsletters;
import paperboy.write.OutputFolder;
import paperboy.write.SiteLock;
import paperboy.write.SiteRecovery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the e-mail edition of a day into the site's {@code newsletter/} folder. {@code build} already makes
 * every day's edition; this remakes one without rebuilding the site (e.g. after changing the newsletter
 * settings) and shows where it is. Each file is replaced atomically, and the same input gives the same bytes
 * as the build, so the next build keeps them as they are.
 */
@Command(name = "newsletter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the e-mail edition (newsletter/YYYY-MM-DD.html, .txt, .eml) of the latest day, a given day or every day.")
public final class NewsletterCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @ArgGroup(exclusive = true)
    Which which;

    static final class Which {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: the latest day).")
        LocalDate date;

        @Option(names = "--all", description = "Every day.")
        boolean all;
    }

    @Option(names = "--weekly", description = "The weekly edition (newsletter/weeks/YYYY-Www.*) of the latest week, "
            + "the week of --date, or every week with --all.")
    boolean weekly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!site.outAllowed(err)) return ExitCodes.BAD_USAGE;
        EditionLoader.Loaded loaded;
        try {
            loaded = EditionLoader.load(site, which == null ? null : which.date, which != null && which.all,
                    weekly ? "" : null, err);
        } catch (EditionLoader.Failed f) {
            return f.exitCode;
        }
        Newsletters newsletters = new Newsletters();
        try (SiteLock lock = SiteLock.acquire(site.out)) {
            SiteRecovery.recover(site.out);
            for (MimeEdition.Parts p : loaded.editions()) {
                List<Output> files = p.page().weekly()
                        ? newsletters.weeklyOutputs(p, loaded.config(), loaded.base(), MimeEdition.offlineSession())
                        : newsletters.outputs(p, loaded.config(), loaded.base());
                for (Output o : files) writeAtomically(site.out.resolve(o.path()), o.bytes());
                out.println(String.format(Locale.ROOT, "Wrote %s (html %.1f KB, txt %.1f KB, eml %.1f KB): %s",
                        site.out.resolve(files.get(0).path().replaceFirst("\\.html$", ".*")), kb(files.get(0)), kb(files.get(1)),
                        kb(files.get(2)), p.page().subject()));
            }
            Files.createDirectories(site.out);
            OutputFolder.mark(site.out);
            return ExitCodes.OK;
        } catch (SiteLock.Busy e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot write the newsletter into " + site.out + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (RenderException e) {
            err.println("error: " + e.getMessage());
            if (site.verbose) e.printStackTrace(err);
            return ExitCodes.BAD_INPUT;
        }
    }

    private static double kb(Output o) {
        return o.bytes().length / 1024.0;
    }

    /** Write beside, then rename over: a reader never sees half a file. */
    private static void writeAtomically(Path dest, byte[] bytes) throws IOException {
        Files.createDirectories(dest.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(dest.toAbsolutePath().getParent(), "." + dest.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp);
            Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temp files are created owner-only; an edition published with the site must be readable by the web server. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }
}
