package paperboy.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code paperboy serve}: builds the site, serves it over HTTP, rebuilds when a watched file changes and tells
 * open pages to reload (server-sent events). The reload script and, after a failed build, an error overlay are
 * added to HTML responses only; the files on disk stay exactly what {@code paperboy build} writes. A failed
 * build leaves the last good site in place (the writer swaps atomically), so it keeps being served under the
 * overlay until the next good save.
 */
public final class DevServer implements AutoCloseable {
    /** Internal URLs live under this prefix; a site never writes there. */
    static final String INTERNAL = "/__paperboy/";
    static final String STATUS_PATH = INTERNAL + "status";

    /** Runs one build into the site folder. */
    @FunctionalInterface
    public interface SiteBuilder {
        Outcome build();
    }

    /**
     * @param problems the lines to show ({@code path:line: message}): the errors of a failed build, the
     *                 warnings of a good one
     * @param summary  one line for the console
     */
    public record Outcome(boolean ok, List<String> problems, String summary) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private final Path siteDir;
    private final SiteBuilder builder;
    private final PrintWriter log;
    private final ReloadEvents events = new ReloadEvents();
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService heartbeat;
    private final HttpServer http;
    private final SourceWatcher watcher;
    private volatile Outcome last;

    private DevServer(Path siteDir, SiteBuilder builder, List<Path> watched, InetSocketAddress bind, PrintWriter log)
            throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.builder = builder;
        this.log = log;
        rebuild();
        this.httpThreads = Executors.newCachedThreadPool(daemon("paperboy-http"));
        this.http = HttpServer.create(bind, 64);
        this.http.createContext("/", this::handle);
        this.http.setExecutor(httpThreads);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("paperboy-heartbeat"));
        this.watcher = new SourceWatcher(watched, 150, this::rebuild);
    }

    /**
     * Builds once, then serves and watches.
     *
     * @param watched folders (watched recursively) and files whose changes trigger a rebuild
     * @param bind    address to listen on; port 0 picks a free port
     */
    public static DevServer start(Path siteDir, SiteBuilder builder, List<Path> watched, InetSocketAddress bind,
                                  PrintWriter log) throws IOException {
        DevServer s = new DevServer(siteDir, builder, watched, bind, log);
        s.http.start();
        s.watcher.start();
        s.heartbeat.scheduleAtFixedRate(s.events::heartbeat, 10, 10, TimeUnit.SECONDS);
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public Outcome lastOutcome() {
        return last;
    }

    /** How many builds ran; the reload events carry it so a page reloads only when it is stale. */
    public long generation() {
        return generation.get();
    }

    private synchronized void rebuild() {
        Outcome o;
        try {
            o = builder.build();
        } catch (RuntimeException e) {
            o = new Outcome(false, List.of("build failed unexpectedly: " + e), "");
        }
        last = o;
        long g = generation.incrementAndGet();
        o.problems().forEach(log::println);
        if (o.ok()) {
            log.println(o.summary());
        } else {
            log.println("build failed; still serving the last good site. Fix the file and save.");
        }
        log.flush();
        events.reload(g);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String rawPath = ex.getRequestURI().getRawPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(ex, 405, "Method not allowed\n");
                return;
            }
            if (rawPath != null && rawPath.startsWith(INTERNAL)) {
                internal(ex, rawPath);
                return;
            }
            var resolved = SafePaths.resolve(siteDir, rawPath);
            if (resolved.isEmpty()) {
                sendText(ex, 403, "Forbidden: outside the site\n");
                return;
            }
            Path file = resolved.get();
            if (Files.isDirectory(file)) {
                if (!rawPath.endsWith("/")) {
                    // Relative links on the index page need the trailing slash.
                    ex.getResponseHeaders().set("Location", rawPath + "/");
                    sendText(ex, 301, "Moved to " + rawPath + "/\n");
                    return;
                }
                file = file.resolve("index.html");
            }
            if (Files.isRegularFile(file)) {
                sendFile(ex, 200, file);
            } else {
                notFound(ex);
            }
        } catch (IOException e) {
            ex.close(); // the client went away mid-response
        }
    }

    private void internal(HttpExchange ex, String rawPath) throws IOException {
        if (rawPath.equals(ReloadEvents.PATH)) {
            events.subscribe(ex);
            // Tell the new page which build it missed, if any: it reloads when its generation differs.
            events.reload(generation.get());
        } else if (rawPath.equals(STATUS_PATH)) {
            Outcome o = last;
            ex.getResponseHeaders().set("Content-Type", "application/json");
            send(ex, 200, ("{\"generation\":" + generation.get() + ",\"ok\":" + o.ok() + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            sendText(ex, 404, "Not found\n");
        }
    }

    private void notFound(HttpExchange ex) throws IOException {
        Path page = siteDir.resolve("404.html");
        if (Files.isRegularFile(page)) {
            // The 404 page's links are relative to the site root, but it answers for any path: a base URL
            // keeps its stylesheet and links working at /papers/missing/ too. (serve always serves at "/".)
            String html = Files.readString(page, StandardCharsets.UTF_8).replaceFirst("<head>", "<head>\n<base href=\"/\">");
            sendHtml(ex, 404, LiveReload.inject(html, generation.get(), last));
        } else if (!last.ok()) {
            // No site yet: the very first build failed. Show the errors on their own.
            sendHtml(ex, 500, LiveReload.inject(LiveReload.EMPTY_PAGE, generation.get(), last));
        } else {
            sendText(ex, 404, "Not found\n");
        }
    }

    private void sendFile(HttpExchange ex, int status, Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // Replaced by a rebuild between the check and the read: one retry finds the new file.
            bytes = Files.readAllBytes(file);
        }
        String type = MimeTypes.of(file.getFileName().toString());
        if (type.startsWith("text/html")) {
            sendHtml(ex, status, LiveReload.inject(new String(bytes, StandardCharsets.UTF_8), generation.get(), last));
        } else {
            ex.getResponseHeaders().set("Content-Type", type);
            send(ex, status, bytes);
        }
    }

    private static void sendHtml(HttpExchange ex, int status, String html) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(ex, status, html.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendText(HttpExchange ex, int status, String text) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(ex, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store"); // always the latest build
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops listening, closes open event streams and the watcher. Safe to call twice. */
    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        heartbeat.shutdownNow();
        events.closeAll();
        http.stop(0);
        httpThreads.shutdownNow();
    }
}
