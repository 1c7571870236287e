package paperboy.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import paperboy.build.Progress;

/**
 * A progress bar on standard error for the output stage of a long build, when standard error is a terminal.
 * Short builds and builds whose errors go to a file or a pipe (CI, tests, scripts) stay quiet.
 */
final class TerminalProgress implements Progress {
    /** Below this many units the stage takes well under a second: no bar. */
    static final long MIN_UNITS = 2_000;

    private final PrintStream err;
    private volatile ProgressBar bar;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /**
     * A bar when standard error, where it is drawn, is a terminal that can redraw a line; else none. Java 17 has
     * no portable test for one stream, {@link System#console()} is about standard input and output: on Linux the
     * stream's file descriptor tells. Elsewhere there is no bar.
     */
    static Progress forThisProcess() {
        return stderrIsTerminal() && !"dumb".equals(System.getenv("TERM")) ? new TerminalProgress(System.err)
                : Progress.none();
    }

    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void start(long total) {
        if (total < MIN_UNITS) return;
        bar = new ProgressBarBuilder()
                .setTaskName("Rendering pages, feeds and e-mails")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err, 100))
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
