package paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import paperboy.config.FetchConfig;
import paperboy.fetch.Answer;
import paperboy.fetch.DailyPapersClient;
import paperboy.fetch.ListingFile;
import paperboy.fetch.ListingSource;

/** What {@code fetch} and {@code daily} share: fetching days into the content folder, one line per day. */
final class DayFetch {
    private final Path content;
    private final DailyPapersClient client;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @param backoffMillis the first wait before a request is tried again (then doubled); tests make it short */
    DayFetch(Path content, FetchConfig config, long backoffMillis, PrintWriter out, PrintWriter err) {
        this.content = content;
        this.out = out;
        this.err = err;
        Duration backoff = Duration.ofMillis(backoffMillis);
        this.client = new DailyPapersClient(new ListingSource(config.url()), Duration.ofSeconds(config.timeoutSeconds()),
                config.retries(), backoff, note -> err.println("fetch: " + note));
    }

    /**
     * Fetches the days in order, each reported as it is done.
     *
     * @param rangeTolerant true for a range of days, where a day not published (a weekend) is no failure unless
     *                      none was
     * @return the exit code: {@link ExitCodes#SOURCE_FAILED} if any day failed, {@link ExitCodes#NOT_PUBLISHED}
     * if no day (or the one day) was published, else {@link ExitCodes#OK}
     */
    int days(List<LocalDate> days, boolean rangeTolerant) throws InterruptedException {
        int failed = 0, published = 0;
        for (LocalDate day : days) {
            Answer answer = client.fetch(day);
            if (answer instanceof Answer.NotPublished n) {
                out.println("fetch " + day + ": not published yet (" + n.why() + " from " + n.url() + "); nothing written");
            } else if (answer instanceof Answer.Failed f) {
                failed++;
                err.println("error: fetch " + day + ": " + f.url() + ": " + f.message() + "; "
                        + ListingFile.of(content, day) + " not written");
            } else if (answer instanceof Answer.Papers p) {
                if (save(day, p)) published++;
                else failed++;
            }
            out.flush();
        }
        if (failed > 0) return ExitCodes.SOURCE_FAILED;
        if (published == 0 || (!rangeTolerant && published < days.size())) return ExitCodes.NOT_PUBLISHED;
        return ExitCodes.OK;
    }

    private boolean save(LocalDate day, Answer.Papers p) {
        ListingFile.Outcome outcome;
        try {
            outcome = ListingFile.save(content, day, p.items());
        } catch (IOException e) {
            err.println("error: fetch " + day + ": cannot write " + ListingFile.of(content, day) + ": " + e.getMessage());
            return false;
        }
        String from = " from " + p.url();
        if (outcome instanceof ListingFile.Created c) {
            out.println("fetch " + day + ": wrote " + c.file() + ", " + Count.of(c.papers(), "paper")
                    + warnings(c.warnings()) + from);
        } else if (outcome instanceof ListingFile.Replaced r) {
            out.println("fetch " + day + ": updated " + r.file() + ", " + Count.of(r.papers(), "paper")
                    + warnings(r.warnings()) + from);
        } else if (outcome instanceof ListingFile.Unchanged u) {
            out.println("fetch " + day + ": " + u.file() + " unchanged, " + Count.of(u.papers(), "paper") + from);
        } else if (outcome instanceof ListingFile.Rejected r) {
            err.println("error: fetch " + day + ": " + p.url() + ": malformed answer: " + r.why() + "; "
                    + r.file() + " not written");
            return false;
        }
        return true;
    }

    private static String warnings(int n) {
        return n == 0 ? "" : " (" + Count.of(n, "warning") + ": the build prints them)";
    }
}
