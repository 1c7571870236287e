package paperboy.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.cli.ServeCommand;
import picocli.CommandLine;

/** {@code paperboy serve} over real HTTP on a free port, with a copy of the sample content that the test edits. */
@Timeout(120)
class ServeTest {
    static final String AUG7 = "000_a9a6640b6b16a0e1.txt";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    DevServer server;
    StringWriter console = new StringWriter();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        copyTree(Path.of("content"), dir.resolve("content"));
        copyTree(Path.of("templates"), dir.resolve("templates"));
        Files.copy(Path.of("paperboy.yml"), dir.resolve("paperboy.yml"));
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs("--content", dir.resolve("content").toString(),
                "--templates", dir.resolve("templates").toString(), "--out", dir.resolve("site").toString(),
                "--config", dir.resolve("paperboy.yml").toString(), "--port", "0");
        server = cmd.start(new PrintWriter(console, true));
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void servesTheSiteWithMimeTypesDirectoryIndexesAndA404Page() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("<h2><a href=\"days/2025-08-20/index.html\">", "EventSource('/__paperboy/events')");
        assertThat(get("/days/2025-08-07/").body()).contains("Thursday, August 7, 2025");
        assertThat(get("/days/2025-08-07/index.html").statusCode()).isEqualTo(200);
        HttpResponse<String> noSlash = get("/days/2025-08-07");
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(noSlash.headers().firstValue("Location")).hasValue("/days/2025-08-07/");
        assertThat(get("/assets/style.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/assets/site.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/assets/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(get("/data/index.json").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get("/robots.txt").headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        HttpResponse<String> missing = get("/papers/no-such-paper/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1>Page not found</h1>", "<base href=\"/\">");
        assertThat(http.send(HttpRequest.newBuilder(url("/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        // The files on disk are what 'paperboy build' writes: the reload script exists only in responses.
        assertThat(Files.readString(dir.resolve("site/index.html"))).doesNotContain("__paperboy");
    }

    @Test
    void refusesRequestsOutsideTheSiteRoot() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
                "/assets/..%2f..%2fsecret.txt", "/assets%2f..%2f..%2fsecret.txt", "/..%5csecret.txt",
                "/assets/../../secret.txt", "/./../secret.txt", "/%00"}) {
            String response = rawGet(path);
            assertThat(response).as(path).matches("(?s)HTTP/1\\.1 40[34] .*").doesNotContain("secret\n", "\r\n\r\nsecret");
        }
    }

    @Test
    void aContentChangeIsVisibleOnTheNextRequestAfterTheRebuild() throws Exception {
        long before = server.generation();
        Path file = dir.resolve("content").resolve(AUG7);
        String text = Files.readString(file);
        assertThat(text).contains("\nAutoregressive Entity Retrieval\n");
        Files.writeString(file, text.replace("\nAutoregressive Entity Retrieval\n", "\nAutoregressive Entity Retrieval, Revised\n"));
        awaitPage("/days/2025-08-07/", body -> body.contains(">Autoregressive Entity Retrieval, Revised<"));
        // The files are swapped in just before the build reports back: the count follows a moment later.
        awaitPage("/__paperboy/status", body -> server.generation() > before);
    }

    @Test
    void aContentErrorIsShownWithFileAndLineAndTheLastGoodSiteStaysUntilTheFix() throws Exception {
        Path file = dir.resolve("content").resolve(AUG7);
        String good = Files.readString(file);
        assertThat(good).contains("\nAug 7\n");
        Files.writeString(file, good.replace("\nAug 7\n", "\nFeb 30\n"));
        String page = awaitPage("/", body -> body.contains(LiveReload.OVERLAY_ID));
        assertThat(page).contains("content/" + AUG7 + ":11: &quot;Feb 30&quot; is not a date")
                .contains("Wednesday, August 20, 2025"); // the last good site, under the overlay
        assertThat(get("/days/2025-08-07/").statusCode()).isEqualTo(200);
        assertThat(console.toString()).contains(AUG7 + ":11: \"Feb 30\" is not a date", "still serving the last good site");

        Files.writeString(file, good);
        awaitPage("/", body -> !body.contains(LiveReload.OVERLAY_ID));
        assertThat(server.lastOutcome().ok()).isTrue();
    }

    @Test
    void openPagesAreToldToReloadAfterARebuild() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("GET /__paperboy/events HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            long now = server.generation();
            assertThat(readUntil(in, "data: " + now)).contains("text/event-stream");
            Path css = dir.resolve("templates/assets/style.css");
            Files.writeString(css, Files.readString(css) + "\n/* edited */\n");
            readUntil(in, "data: " + (now + 1)); // the next build's event arrives on the open stream
        }
        assertThat(get("/assets/style.css").body()).endsWith("/* edited */\n");
    }

    private static String readUntil(BufferedReader in, String line) throws IOException {
        StringBuilder seen = new StringBuilder();
        String l;
        while ((l = in.readLine()) != null) {
            seen.append(l).append('\n');
            if (l.equals(line)) return seen.toString();
        }
        throw new AssertionError("stream ended before \"" + line + "\": " + seen);
    }

    /** Polls until the page satisfies the condition: rebuilds take a moment after the file is written. */
    private String awaitPage(String path, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(path).body();
            if (condition.test(body)) return body;
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + WAIT + " on " + path + "; console:\n" + console);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request sent byte for byte: HTTP clients normalise "..", which is what this must not do. */
    private String rawGet(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
