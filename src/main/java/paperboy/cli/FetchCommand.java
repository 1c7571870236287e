package paperboy.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import paperboy.config.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Downloads the daily papers list of a day (or of every day since one) into the content folder. */
@Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Download the daily papers list of a day into the content folder as YYYY-MM-DD.json.",
                "Source: fetch.url in paperboy.yml (default: the Hugging Face daily papers API).",
                "Exit codes: 0 fetched (or unchanged), 3 not published yet, 4 the source failed, 1 bad config,"
                        + " 2 bad usage."})
public final class FetchCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: today in the config's timeZone).")
    LocalDate date;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Every day from this one to today;"
            + " days not published (weekends) are reported, not failures.")
    LocalDate since;

    @Option(names = "--backoff-ms", hidden = true, defaultValue = "1000", description = "Tests: the first wait before a retry.")
    long backoffMillis;

    @Spec
    CommandSpec spec;

    /** Most days one {@code --since} fetches: ten years, and never by accident a century. */
    static final int MAX_DAYS = 3660;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (date != null && since != null) {
            err.println("error: --date and --since exclude each other");
            return ExitCodes.BAD_USAGE;
        }
        Optional<SiteConfig> config = site.config(err);
        if (config.isEmpty()) return ExitCodes.BAD_INPUT;
        LocalDate today = LocalDate.now(config.get().timeZone());
        List<LocalDate> days;
        if (since != null) {
            if (since.isAfter(today)) {
                err.println("error: --since " + since + " is after today (" + today + " in " + config.get().timeZone() + ")");
                return ExitCodes.BAD_USAGE;
            }
            if (since.plusDays(MAX_DAYS).isBefore(today)) {
                err.println("error: --since " + since + ": more than " + MAX_DAYS + " days; fetch in parts");
                return ExitCodes.BAD_USAGE;
            }
            days = since.datesUntil(today.plusDays(1)).toList();
        } else {
            days = List.of(date != null ? date : today);
        }
        return new DayFetch(site.content, config.get().fetch(), backoffMillis, out, err).days(days, since != null);
    }
}
