package paperboy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import paperboy.build.BuildFailed;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.build.SiteRenderer;
import paperboy.serve.DevServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Build the site, serve it over HTTP and rebuild when the content, templates or config change.",
                "Open pages reload by themselves; a build error is shown in the browser until it is fixed.",
                "The site is built into --out, exactly as 'paperboy build' writes it."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("--port: " + port + " is not a port (0-65535)");
            return ExitCodes.BAD_USAGE;
        }
        if (!site.outAllowed(err)) return ExitCodes.BAD_USAGE;
        DevServer server;
        try {
            server = start(out);
        } catch (IOException e) {
            err.println("error: cannot serve on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "paperboy-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook); // Ctrl-C
        out.println("Serving " + site.out + " at http://" + hostForUrl() + ":" + server.port() + "/ (Ctrl-C stops)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCodes.OK;
    }

    /** Builds once and starts serving; the caller closes the server. Public for the tests. */
    public DevServer start(PrintWriter log) throws IOException {
        List<Path> watched = new ArrayList<>(List.of(site.content, site.templates));
        watched.add(site.config != null ? site.config : SiteOptions.DEFAULT_CONFIG);
        return DevServer.start(site.out, this::buildOnce, watched, new InetSocketAddress(host, port), log);
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** One build with the config read afresh, as {@code paperboy build} would do it. */
    private DevServer.Outcome buildOnce() {
        long start = System.nanoTime();
        StringWriter configErrors = new StringWriter();
        Optional<SiteConfig> config = site.config(new PrintWriter(configErrors, true));
        if (config.isEmpty()) {
            return new DevServer.Outcome(false, configErrors.toString().lines().toList(), "");
        }
        Optional<ThemeAssigner> themes = site.themes(config.get(), new PrintWriter(configErrors, true));
        if (themes.isEmpty()) {
            return new DevServer.Outcome(false, configErrors.toString().lines().toList(), "");
        }
        try {
            // Keep in step with BuildCommand (same renderer and theme assigner).
            SiteBuild.Report r = new SiteBuild(SiteRenderer.standard()).run(site.request(config.get(), themes.get()));
            List<String> warnings = SiteOptions.capped(r.warnings());
            return new DevServer.Outcome(true, warnings, String.format(Locale.ROOT,
                    "Built %s, %s: %d files written, %d unchanged, %s, %.2f s",
                    Count.of(r.digest().days().size(), "day"), Count.of(r.digest().papers().size(), "paper"),
                    r.written().written(), r.written().unchanged(), Count.of(r.warnings().size(), "warning"),
                    (System.nanoTime() - start) / 1e9));
        } catch (StackOverflowError | OutOfMemoryError e) {
            // serve goes on watching: the next save may fix it
            return new DevServer.Outcome(false, List.of("error: " + (e instanceof OutOfMemoryError
                    ? OutOfMemory.message(site.content) : "the input is nested too deeply to build (stack overflow)")), "");
        } catch (BuildFailed e) {
            List<String> lines = new ArrayList<>(SiteOptions.capped(e.problems()));
            lines.add("error: " + e.getMessage());
            return new DevServer.Outcome(false, lines, "");
        }
    }
}
