package paperboy.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import paperboy.incremental.Progress;

/**
 * A progress bar on standard error for the output stage of a long build, when paperboy runs in a terminal.
 * Short builds and builds whose output goes to a file or a pipe (CI, tests, scripts) stay quiet.
 */
final class TerminalProgress implements Progress {
    /** Below this many units the stage takes well under a second: no bar. */
    static final long MIN_UNITS = 2_000;

    private final PrintStream err;
    private volatile ProgressBar bar;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** A bar when standard input and output are a terminal (what {@link System#console()} tells), else none. */
    static Progress forThisProcess(boolean quiet) {
        return !quiet && System.console() != null ? new TerminalProgress(System.err) : Progress.none();
    }

    @Override
    public void start(long total) {
        if (total < MIN_UNITS) return;
        bar = new ProgressBarBuilder()
                .setTaskName("Rendering pages, feeds and e-mails")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setMaxRenderedLength(100)
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .hideEta()
                .clearDisplayOnFinish()
                .build();
    }

    @Override
    public void step() {
        ProgressBar b = bar;
        if (b != null) b.step();
    }

    @Override
    public void done() {
        ProgressBar b = bar;
        bar = null;
        if (b != null) b.close();
    }
}
