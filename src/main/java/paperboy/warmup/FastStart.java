package paperboy.warmup;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs a short command ({@code build}, {@code themes}, {@code newsletter}) of {@code java -jar paperboy.jar} in a
 * second JVM started with the settings a run of a second or two wants, which {@code java -jar} cannot ask for:
 * <ul>
 *   <li>a class-data-sharing archive of paperboy's own classes ({@code -XX:SharedArchiveFile}), made by the first
 *       run beside the jar and used while the jar stays the same: the JVM then maps the ~5,000 classes of
 *       picocli, FreeMarker, flexmark, jsoup, Lucene... instead of loading and verifying them on every start;</li>
 *   <li>the quick JIT compiler only ({@code -XX:TieredStopAtLevel=1}): on two cores the optimising compiler's
 *       own CPU time costs a short run more than its faster code saves (see {@link QuickJit}, which does what it
 *       can in-process when there is no second JVM).</li>
 * </ul>
 * The sample build takes about 0.8 s that way against 1.25 s in one plain JVM; the first JVM costs ~60 ms.
 * The second JVM gets the first one's JVM options (-Xmx...), standard input, output and error, and its exit code
 * is returned. Nothing changes when the first JVM was started with its own JIT, class-data or agent options, when
 * {@code -Dpaperboy.fastStart=false}, or when anything about the second JVM cannot be arranged.
 */
public final class FastStart {
    static final String PROPERTY = "paperboy.fastStart";
    private static final Set<String> SHORT_COMMANDS = Set.of("build", "themes", "newsletter");
    /** JVM options with which the user has chosen how this JVM starts or runs code: keep to them. */
    private static final List<String> OWN_CHOICES = List.of("-XX:TieredStopAtLevel", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-Xshare", "-XX:-TieredCompilation", "-Xint", "-agentpath", "-agentlib",
            "-javaagent", "-Dpaperboy.jit=full", "-Xlog:class");
    /** Listings above which a from-scratch build lasts long enough to repay the optimising JIT. */
    static final long LONG_BUILD_BYTES = 64L << 20;

    private FastStart() {}

    /** Runs {@code args} in a second JVM when that helps, and returns its exit code; empty: run them here. */
    public static OptionalInt relaunch(String[] args) {
        if (System.getProperty(PROPERTY) != null || args.length == 0 || !SHORT_COMMANDS.contains(args[0])) {
            return OptionalInt.empty();
        }
        Optional<List<String>> command = command(args);
        if (command.isEmpty()) return OptionalInt.empty();
        Path jar = Path.of(command.get().get(command.get().indexOf("-cp") + 1));
        Optional<Archive> archive = Archive.beside(jar);
        List<String> cmd = new ArrayList<>(command.get());
        int at = cmd.indexOf("-cp");
        archive.ifPresent(a -> cmd.addAll(at, a.options()));
        cmd.addAll(at, List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-D" + PROPERTY + "=child"));
        if (!longBuild(args)) cmd.addAll(at, List.of("-XX:TieredStopAtLevel=1", "-Dpaperboy.jit=quick"));
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            Thread stop = new Thread(p::destroy, "paperboy-stop-child");
            Runtime.getRuntime().addShutdownHook(stop);
            int code = p.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            archive.ifPresent(a -> a.keepIfMade(code));
            return OptionalInt.of(code);
        } catch (IOException e) {
            return OptionalInt.empty(); // no second JVM: this one runs the command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /**
     * The second JVM's command line without the fast-start options: this JVM's executable and options, then
     * {@code -cp JAR paperboy.Main ARGS}; empty when this JVM did not run from a jar with {@code -jar} or made
     * its own choices.
     */
    static Optional<List<String>> command(String[] args) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> jvmArgs = info.arguments();
        Optional<Path> jar = ownJar();
        if (java.isEmpty() || jvmArgs.isEmpty() || jar.isEmpty()) return Optional.empty();
        List<String> all = Arrays.asList(jvmArgs.get());
        int dashJar = all.indexOf("-jar");
        if (dashJar < 0) return Optional.empty();
        List<String> options = all.subList(0, dashJar);
        if (options.stream().anyMatch(o -> OWN_CHOICES.stream().anyMatch(o::startsWith))) return Optional.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(java.get());
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", jar.get().toString(), "paperboy.Main"));
        cmd.addAll(Arrays.asList(args));
        return Optional.of(cmd);
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
     * A build from scratch of years of listings runs for many seconds: it keeps the optimising JIT. Read from the
     * command line before the command line is parsed (picocli parses it in the second JVM), so only the plain
     * spellings count; anything unusual means a short run.
     */
    static boolean longBuild(String[] args) {
        if (!args[0].equals("build")) return false;
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
        return longBuild(content, out, noCache);
    }

    /** A build from scratch (no cache beside the output) of over {@link #LONG_BUILD_BYTES} of listings. */
    public static boolean longBuild(Path content, Path out, boolean noCache) {
        boolean fromScratch = noCache || !Files.exists(paperboy.incremental.BuildCache.location(out));
        return fromScratch && contentBytes(content) > LONG_BUILD_BYTES;
    }

    /** Total size of the regular files under {@code content}; 0 when it cannot be listed (the build says why). */
    static long contentBytes(Path content) {
        try (var files = Files.walk(content)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The class-data archive of one jar: {@code NAME-SIZE-MTIME.jsa} beside {@code NAME.jar}, so a rebuilt jar
     * gets a new one (the JVM checks it too, and ignores an archive that does not match). The first run writes
     * it under a temporary name and it is moved in place only when that run succeeded.
     */
    record Archive(Path file, boolean exists) {
        static Optional<Archive> beside(Path jar) {
            try {
                Path dir = jar.toAbsolutePath().getParent();
                String stem = jar.getFileName().toString().replaceFirst("\\.jar$", "");
                Path file = dir.resolve(stem + "-" + Files.size(jar) + "-"
                        + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
                if (Files.isRegularFile(file)) return Optional.of(new Archive(file, true));
                if (!Files.isWritable(dir)) return Optional.empty();
                try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, stem + "-*.jsa*")) {
                    for (Path old : stale) Files.deleteIfExists(old);
                }
                return Optional.of(new Archive(file, false));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        Path temporary() {
            return file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
        }

        List<String> options() {
            return exists ? List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto")
                    : List.of("-XX:ArchiveClassesAtExit=" + temporary());
        }

        void keepIfMade(int exitCode) {
            if (exists) return;
            try {
                if (exitCode == 0 && Files.isRegularFile(temporary())) {
                    try {
                        Files.move(temporary(), file, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary(), file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.deleteIfExists(temporary());
            } catch (IOException e) {
                // no archive this time; the next run makes one
            }
        }
    }
}
