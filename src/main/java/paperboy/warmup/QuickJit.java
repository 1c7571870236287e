package paperboy.warmup;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps this JVM's code on the quick (C1) JIT compiler, as {@link FastStart} does with
 * {@code -XX:TieredStopAtLevel=1}, for runs started with a plain {@code java -jar}, which cannot pass JVM flags.
 * A build lasts seconds: on two cores the optimising compiler (C2) spent about 3 s of CPU per sample build
 * compiling code that ran only a few more times, on the cores the build itself needed.
 *
 * <p>It installs a compiler directive excluding every method from C2 through the JVM's own diagnostic command
 * (what {@code jcmd PID Compiler.directives_add FILE} does). {@code -Dpaperboy.jit=full} leaves the JIT as it is.
 * On a JVM without that command nothing changes.
 */
public final class QuickJit {
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]\n";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    /** The thread installing the directive; null when it was not installed. */
    private final Thread installer;

    private QuickJit(Thread installer) {
        this.installer = installer;
    }

    /** Leaves the JIT as it is (tests, other embedders). */
    public static QuickJit none() {
        return new QuickJit(null);
    }

    /** Installs the directive on a daemon thread (loading the management classes is not free); never fails. */
    public static QuickJit startUnlessDisabled() {
        // "quick": the JVM was started with -XX:TieredStopAtLevel=1 already (FastStart)
        String jit = System.getProperty("paperboy.jit");
        if ("full".equals(jit) || "quick".equals(jit)) return none();
        Thread t = new Thread(QuickJit::install, "paperboy-jit");
        t.setDaemon(true);
        t.start();
        return new QuickJit(t);
    }

    /**
     * Gives the optimising compiler back when {@code longRun} says the run will last long enough to repay it (a
     * from-scratch build of years of listings): waits for the directive to be installed, then removes it.
     * {@code longRun} is asked only when there is a directive to remove.
     */
    public void releaseIf(java.util.function.BooleanSupplier longRun) {
        if (installer == null || !longRun.getAsBoolean()) return;
        try {
            installer.join();
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                    "compilerDirectivesRemove", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // the directive stays: only slower on a long run
        }
    }

    static void install() {
        Path file = null;
        try {
            file = Files.createTempFile("paperboy-jit", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName(DIAGNOSTIC_COMMAND), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError e) {
            // an older or different JVM: the default JIT, only slower to start
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Exception e) {
                    // a temp file left behind
                }
            }
        }
    }
}
