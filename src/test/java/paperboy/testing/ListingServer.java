package paperboy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the Hugging Face daily papers API on 127.0.0.1 (a free port): {@code /api/daily_papers?date=D}
 * plays the replies scripted for D in order (the last one again once they run out); an unscripted day gets an
 * empty list, as the real API answers for a day without papers. Recorded answers are in
 * {@code src/test/resources/fetch/}.
 */
public final class ListingServer implements AutoCloseable {
    /** One scripted answer. */
    @FunctionalInterface
    public interface Reply {
        void send(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> script = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public ListingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The API's address on this server, as {@code fetch.url} takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/daily_papers";
    }

    /** Scripts the replies for a day (YYYY-MM-DD), played in order. */
    public ListingServer on(String date, Reply... replies) {
        synchronized (script) {
            script.put(date, new ArrayDeque<>(List.of(replies)));
        }
        return this;
    }

    /** Every request's path and query, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        requests.add(ex.getRequestURI().toString());
        String date = "";
        if (query != null) {
            for (String kv : query.split("&")) if (kv.startsWith("date=")) date = kv.substring(5);
        }
        String page = query != null && query.contains("p=") ? query.replaceAll(".*\\bp=(\\d+).*", "$1") : "0";
        Reply reply;
        synchronized (script) {
            Deque<Reply> replies = script.get(page.equals("0") ? date : date + "#p" + page);
            reply = replies == null ? json("[]") : replies.size() > 1 ? replies.poll() : replies.peek();
        }
        try {
            reply.send(ex);
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        } finally {
            ex.close();
        }
    }

    // ---- replies ----

    public static Reply json(String body) {
        return status(200, body);
    }

    /** A recorded answer from {@code src/test/resources/fetch/}. */
    public static Reply recorded(String name) {
        return json(resource(name));
    }

    public static Reply status(int code, String body) {
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
            }
        };
    }

    /** The reply with a header added (Link, Retry-After). */
    public static Reply withHeader(String name, String value, Reply reply) {
        return ex -> {
            ex.getResponseHeaders().add(name, value);
            reply.send(ex);
        };
    }

    /** Nothing at all until {@code delay} has passed, then the reply. */
    public static Reply after(Duration delay, Reply reply) {
        return ex -> {
            sleep(delay);
            reply.send(ex);
        };
    }

    /** Headers at once, then the body a few bytes at a time, {@code pause} between them. */
    public static Reply trickle(String body, Duration pause) {
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < b.length; i += 16) {
                    out.write(b, i, Math.min(16, b.length - i));
                    out.flush();
                    sleep(pause);
                }
            }
        };
    }

    /** Announces the whole body's length, sends its first {@code bytes} and closes the connection. */
    public static Reply cutOff(String body, int bytes) {
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            OutputStream out = ex.getResponseBody();
            out.write(b, 0, bytes);
            out.flush();
            // Closed short of its announced length, the exchange drops the connection.
            throw new IOException("cut off on purpose");
        };
    }

    public static String resource(String name) {
        try (InputStream in = ListingServer.class.getResourceAsStream("/fetch/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource fetch/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
