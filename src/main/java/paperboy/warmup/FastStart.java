package paperboy.warmup;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import paperboy.incremental.BuildCache;
import paperboy.write.OutputFolder;

/**
 * Runs a short command ({@code build}, {@code themes}, {@code newsletter}) of {@code java -jar paperboy.jar} in a
 * second JVM started with the settings a run of a second or two wants, which {@code java -jar} cannot ask for:
 * <ul>
 *   <li>the JDK's ahead-of-time cache of the jar ({@code -XX:AOTCache}, {@link Cache}) beside it, made by the
 *       training build that {@code mvn package} runs: the JVM then maps the ~4,700 classes of paperboy,
 *       FreeMarker, flexmark, jsoup, Lucene... already loaded and linked instead of loading and verifying them
 *       on every start;</li>
 *   <li>the quick JIT compiler only ({@code -XX:TieredStopAtLevel=1}): on two cores the optimising compiler's
 *       own CPU time costs a short run more than its faster code saves;</li>
 *   <li>the heap in transparent huge pages where Linux gives them on request ({@link #hugePages}).</li>
 * </ul>
 * The first JVM costs about 0.2 s of a sample build (most of it the JVM's own start); README "Performance and
 * incremental builds" has the figures. The second JVM gets the first one's JVM options (-Xmx...), standard input,
 * output and error, and its exit code is returned. Nothing changes when the first JVM was started with its own
 * JIT, class-data, AOT, agent, debugging, recording or logging options (on the command line or in the JVM's
 * option variables), when {@code -Dpaperboy.fastStart=false}, or when anything about the second JVM cannot be
 * arranged. A cache that crashes the JVM is deleted and the command run again without it.
 *
 * <p>The first JVM runs only this class, with the JDK's own class data: no lambdas or streams here (each kind
 * costs that JVM a few milliseconds of bootstrap) and nothing that loads a library (Jackson took 40 ms).
 */
public final class FastStart {
    static final String PROPERTY = "paperboy.fastStart";
    /** The first JVM's process id, given to the second, which exits when that process is gone. */
    static final String PARENT_PID = "paperboy.parentPid";
    private static final Set<String> SHORT_COMMANDS = Set.of("build", "themes", "newsletter");
    /** JVM options with which the user has chosen how this JVM starts, runs or watches code: keep to them. */
    private static final List<String> OWN_CHOICES = List.of("-XX:TieredStopAtLevel", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-Xshare", "-XX:AOTCache", "-XX:AOTMode", "-XX:AOTConfiguration",
            "-XX:-TieredCompilation", "-Xint", "-agentpath", "-agentlib", "-javaagent", "-Xlog", "-Xrun", "-Xdebug", "-XX:StartFlightRecording",
            "-XX:FlightRecorderOptions", "-verbose", "-XX:NativeMemoryTracking", "-XX:+PrintFlagsFinal", "-cp",
            "-classpath", "--class-path");
    /** Options the launcher adds to both JVMs (a debugger port cannot be opened twice). */
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    /** Exit codes of a JVM killed by a signal (SIGABRT, SIGBUS, SIGSEGV): what a damaged cache does. */
    private static final Set<Integer> CRASHED = Set.of(134, 135, 139);
    /** Listings above which a from-scratch build lasts long enough to repay the optimising JIT. */
    static final long LONG_BUILD_BYTES = 64L << 20;
    /** Folders deeper than this under the content folder are not counted (a link back up must not loop). */
    private static final int MAX_DEPTH = 8;

    private FastStart() {}

    /** The second JVM's command: everything but the fast-start options, which go in at {@code at}. */
    record Command(List<String> words, Path jar, int at) {}

    /** Runs {@code args} in a second JVM when that helps, and returns its exit code; empty: run them here. */
    public static OptionalInt relaunch(String[] args) {
        String mode = System.getProperty(PROPERTY, "");
        if (mode.equals("child")) exitWithParent();
        if (mode.equals("false") || mode.equals("child") || args.length == 0 || !SHORT_COMMANDS.contains(args[0])) {
            return OptionalInt.empty();
        }
        for (String v : OPTION_VARIABLES) {
            if (!System.getenv().getOrDefault(v, "").isBlank()) return OptionalInt.empty();
        }
        Optional<Command> command = command(args);
        if (command.isEmpty()) return OptionalInt.empty();
        Optional<Cache> cache = Cache.beside(command.get().jar());
        List<String> fast = new ArrayList<>(List.of("-D" + PROPERTY + "=child",
                "-D" + PARENT_PID + "=" + ProcessHandle.current().pid(),
                // a crash report (a damaged cache) goes to the temp folder, not the user's working folder
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "paperboy-hs_err_%p.log")));
        // A long build keeps the optimising compiler; a short one gets the quick one only.
        Folders folders = Folders.of(args);
        boolean large = folders.largeContent(); // walked once: both choices below need it
        boolean shortRun = !(args[0].equals("build") && large && folders.fromScratch());
        if (shortRun) fast.add("-XX:TieredStopAtLevel=1");
        fast.addAll(hugePages(command.get()));
        if (shortRun && !large) fast.addAll(collector(command.get()));
        try {
            int code = run(command.get(), fast, cache);
            if (cache.isPresent() && CRASHED.contains(code)) {
                cache.get().delete();
                code = run(command.get(), fast, Optional.empty());
            }
            return OptionalInt.of(code);
        } catch (IOException e) {
            return OptionalInt.empty(); // no second JVM: this one runs the command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /**
     * In the second JVM: exit as soon as the first one is gone. Its shutdown hook stops this one on Ctrl-C or
     * a plain kill, but a {@code kill -9} gives it no chance, and an orphan would go on writing the site.
     * Halted, not exited: the site is left as a kill would leave it, which the next build recovers from.
     */
    private static void exitWithParent() {
        long parentPid;
        try {
            parentPid = Long.parseLong(System.getProperty(PARENT_PID, ""));
        } catch (NumberFormatException e) {
            return; // started by hand with the child property: nobody to follow
        }
        Thread watch = new Thread(() -> {
            try {
                // Gone, or this process was handed to another parent (the first JVM died before this one looked).
                while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(137);
        }, "paperboy-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static int run(Command command, List<String> fast, Optional<Cache> cache)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command.words());
        List<String> options = new ArrayList<>(fast);
        if (cache.isPresent()) options.addAll(cache.get().options());
        cmd.addAll(command.at(), options);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        Thread stop = new Thread("paperboy-stop-child") {
            @Override
            public void run() {
                p.destroy();
                try {
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(stop);
        int code = p.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // shutting down already: the hook has stopped the child
        }
        return code;
    }

    /**
     * The heap in transparent huge pages where the kernel gives them on request (Linux's {@code madvise} mode,
     * Debian's and Ubuntu's default), unless the user chose about large pages: a short run touches about 100 MB
     * of fresh heap, and every 4 KB page of it is a page fault (a costly one in a virtual machine). Measured on
     * the sample build, 7 interleaved runs: 2.0 s → 1.7 s wall, 3.4 → 2.9 s CPU (1 flag, 12 lines: ~4 lines
     * per 100 ms). Asked for only where the kernel has it: elsewhere the JVM would print a warning to standard
     * output, which {@code themes --suggest > themes.yml} would take in.
     */
    static List<String> hugePages(Command command) {
        if (!System.getProperty("os.name", "").equals("Linux")) return List.of();
        for (String o : command.words().subList(0, command.at())) {
            if (o.contains("LargePages") || o.contains("TransparentHugePages")) return List.of();
        }
        try {
            return Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]")
                    ? List.of("-XX:+UseTransparentHugePages") : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The parallel collector for a short run over at most {@link #LONG_BUILD_BYTES} of listings, unless the user
     * chose a collector. A sample build allocates ~120 MB: G1 starts with a young generation of ~20 MB and stops
     * it four times, the parallel collector once, and its write barrier is a card mark where G1's is a few
     * dozen instructions in every method the quick JIT compiles. Measured (README "Performance and incremental
     * builds"): less wall and CPU time for the sample and a 365-day build. Years of listings keep G1: their
     * multi-gigabyte heaps were measured with it only.
     */
    static List<String> collector(Command command) {
        for (String o : command.words().subList(0, command.at())) {
            if ((o.startsWith("-XX:+Use") || o.startsWith("-XX:-Use")) && o.endsWith("GC")) return List.of();
        }
        return List.of("-XX:+UseParallelGC");
    }

    /**
     * The second JVM's command line without the fast-start options: this JVM's executable and options, then
     * {@code -cp JAR paperboy.cli.Main ARGS}; empty when this JVM did not run from a jar with {@code -jar} or made
     * its own choices.
     */
    static Optional<Command> command(String[] args) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> jvmArgs = info.arguments();
        Optional<Path> jar = ownJar();
        if (java.isEmpty() || jvmArgs.isEmpty() || jar.isEmpty()) return Optional.empty();
        List<String> all = Arrays.asList(jvmArgs.get());
        int dashJar = all.indexOf("-jar");
        if (dashJar < 0) return Optional.empty();
        List<String> options = all.subList(0, dashJar);
        for (String o : options) {
            for (String choice : OWN_CHOICES) {
                if (o.startsWith(choice)) return Optional.empty();
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.get());
        cmd.addAll(options);
        int at = cmd.size();
        cmd.addAll(List.of("-cp", jar.get().toString(), "paperboy.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        return Optional.of(new Command(List.copyOf(cmd), jar.get(), at));
    }

    private static Optional<Path> ownJar() {
        try {
            var source = FastStart.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The listings a command reads and the site it writes, read from the command line before it is parsed
     * (picocli parses it in the second JVM), so only the plain spellings count; anything unusual means the
     * defaults, so a short run over a small content folder.
     */
    record Folders(Path content, Path out, boolean noCache) {
        static Folders of(String[] args) {
            Path content = Path.of("content");
            Path out = Path.of("site");
            boolean noCache = false;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--no-cache")) noCache = true;
                else if (a.startsWith("--content=")) content = Path.of(a.substring("--content=".length()));
                else if (a.equals("--content") && i + 1 < args.length) content = Path.of(args[++i]);
                else if (a.startsWith("--out=")) out = Path.of(a.substring("--out=".length()));
                else if (a.equals("--out") && i + 1 < args.length) out = Path.of(args[++i]);
            }
            return new Folders(content, out, noCache);
        }

        /** Over {@link #LONG_BUILD_BYTES} of listings. */
        boolean largeContent() {
            return contentBytes(content) > LONG_BUILD_BYTES;
        }

        /** No build cache beside the output, or one not to be used. */
        boolean fromScratch() {
            return noCache || !Files.exists(OutputFolder.beside(out, BuildCache.SUFFIX));
        }

        /** A build from scratch of over {@link #LONG_BUILD_BYTES} of listings. */
        boolean longBuild() {
            return fromScratch() && largeContent();
        }
    }

    /**
     * A build from scratch of years of listings runs for many seconds: it keeps the optimising JIT. Only the
     * plain spellings of the options count ({@link Folders}).
     */
    static boolean longBuild(String[] args) {
        return args[0].equals("build") && Folders.of(args).longBuild();
    }

    /**
     * Total size of the files under {@code content}, counted up to just over {@link #LONG_BUILD_BYTES} (all this
     * JVM needs to know: a ten-year archive is not walked to its end); 0 when it cannot be listed (the build says
     * why). With {@code java.io.File}, which this JVM has loaded already: {@code Files.walkFileTree} costs it
     * 20–80 ms of class loading and initialising for the sample's seven files, this a few milliseconds.
     */
    static long contentBytes(Path content) {
        try {
            return bytesUnder(content.toFile(), 0);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static long bytesUnder(File folder, int depth) {
        File[] files = folder.listFiles();
        if (files == null) return 0;
        long total = 0;
        for (File f : files) {
            if (f.isFile()) total += f.length();
            else if (depth < MAX_DEPTH && f.isDirectory()) total += bytesUnder(f, depth + 1);
            if (total > LONG_BUILD_BYTES) break;
        }
        return total;
    }

    /**
     * The JDK's ahead-of-time cache of the jar ({@code paperboy.aot} beside {@code paperboy.jar}), written by the
     * training build of {@code mvn package} with {@code -XX:AOTCacheOutput} (JEP 483, 514): the classes of
     * paperboy and its libraries loaded and linked, lambdas resolved (not the training run's method profiles). The
     * JVM checks that the jar (its name and size, in JDK 25.0.3) and the JDK are the ones it was made with and
     * otherwise runs without it, silently with {@code -Xlog:aot*=off}. Used only from JDK 25 on (an older JVM
     * refuses the option) and only when it is the jar owner's own file that nobody else may write: the JVM maps it
     * into its memory.
     */
    record Cache(Path file) {
        static final int SINCE_JDK = 25;

        static Optional<Cache> beside(Path jar) {
            if (Runtime.version().feature() < SINCE_JDK) return Optional.empty();
            try {
                Path file = jar.toAbsolutePath().resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".aot");
                return Files.isRegularFile(file) && trusted(file, jar) ? Optional.of(new Cache(file)) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Owned by whoever owns the jar, and writable by nobody else. */
        private static boolean trusted(Path cache, Path jar) throws IOException {
            if (!Files.getOwner(cache).equals(Files.getOwner(jar))) return false;
            try {
                var perms = Files.getPosixFilePermissions(cache);
                return !perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                        && !perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
            } catch (UnsupportedOperationException e) {
                return true;
            }
        }

        List<String> options() {
            return List.of("-XX:AOTCache=" + file, "-Xlog:aot*=off");
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // it stays; the next run crashes on it and tries again
            }
        }
    }
}
