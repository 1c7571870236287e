package paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import paperboy.config.SiteConfig;
import paperboy.send.Recipients;
import paperboy.write.AtomicFile;
import paperboy.write.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The daily job: fetch the day, build the site, send the day's edition, one log line per step. It stops at the
 * first step that fails, with that step's exit code, so a scheduler can tell "try again later" (3, 4) from "fix
 * something" (1, 2).
 */
@Command(name = "daily", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Fetch the day's list, build the site and, with --to, send the day's e-mail edition.",
                "Exit codes: 0 done, 1 bad input (config, content, templates, or sending failed),"
                        + " 2 bad usage, 3 the day is not published yet (nothing built or sent),"
                        + " 4 the source failed (nothing built or sent)."})
public final class DailyCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: today in the config's timeZone).")
    LocalDate date;

    @Option(names = "--no-cache", description = "Render every page; ignore and remove the build cache beside the site.")
    boolean noCache;

    @Option(names = "--to", paramLabel = "ADDRESS", split = ",",
            description = "Send the day's edition to these addresses; each day's only once (the days sent are kept beside"
                    + " the site, in .SITE.sent for --out SITE).")
    List<String> to;

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "localhost", description = "SMTP server (default: ${DEFAULT-VALUE}).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25", description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--starttls", description = "Require STARTTLS before sending.")
    boolean starttls;

    @Option(names = "--insecure-auth", description = "Send the SMTP login even over an unencrypted connection.")
    boolean insecureAuth;

    @Option(names = "--backoff-ms", hidden = true, defaultValue = "1000", description = "Tests: the first wait before a retry.")
    long backoffMillis;

    @Spec
    CommandSpec spec;

    /** The environment to read the SMTP login from; tests replace it. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to != null) {
            Optional<String> bad = Recipients.problem(to);
            if (bad.isPresent()) {
                err.println("error: --to: " + bad.get() + "; nothing was fetched, built or sent");
                return ExitCodes.BAD_USAGE;
            }
        }
        if (!site.outAllowed(err)) return ExitCodes.BAD_USAGE;
        Optional<SiteConfig> config = site.config(err);
        if (config.isEmpty()) return ExitCodes.BAD_INPUT;
        LocalDate day = date != null ? date : LocalDate.now(config.get().timeZone());

        int fetched = new DayFetch(site.content, config.get().fetch(), backoffMillis, out, err).days(List.of(day), false);
        if (fetched != ExitCodes.OK) {
            (fetched == ExitCodes.NOT_PUBLISHED ? out : err).println("daily " + day + ": stopped after fetch"
                    + " (exit code " + fetched + "); nothing built or sent, try again later");
            return fetched;
        }

        BuildCommand build = new BuildCommand();
        build.site = site;
        build.noCache = noCache;
        int built = build.run(out, err);
        if (built != ExitCodes.OK) {
            err.println("daily " + day + ": stopped after build (exit code " + built + "); nothing sent");
            return built;
        }

        if (to == null || to.isEmpty()) {
            out.println("daily " + day + ": done; no e-mail sent (no --to)");
            return ExitCodes.OK;
        }
        Path record = OutputFolder.beside(site.out, ".sent");
        if (sentDays(record).contains(day.toString())) {
            out.println("daily " + day + ": done; the edition was sent before (" + record + "), not sent again");
            return ExitCodes.OK;
        }
        SendCommand send = new SendCommand();
        send.site = site;
        send.date = day;
        send.to = to;
        send.smtpHost = smtpHost;
        send.smtpPort = smtpPort;
        send.starttls = starttls;
        send.insecureAuth = insecureAuth;
        send.env = env;
        int sent = send.run(out, err);
        if (sent != ExitCodes.OK) {
            err.println("daily " + day + ": sending failed (exit code " + sent + "); the site is built");
            return sent;
        }
        try {
            List<String> days = new ArrayList<>(sentDays(record));
            days.add(day.toString());
            byte[] text = (String.join("\n", days) + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(record, o -> o.write(text));
        } catch (IOException e) {
            err.println("warning: cannot record the sending in " + record + " (" + e.getMessage()
                    + "); a second run today would send it again");
        }
        out.println("daily " + day + ": done");
        return ExitCodes.OK;
    }

    /** The days whose edition went out, one ISO date a line: a run repeated by a scheduler sends nothing twice. */
    private static List<String> sentDays(Path record) {
        try {
            return Files.isRegularFile(record) ? Files.readAllLines(record, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList() : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
