package paperboy.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server-sent-events stream open pages listen on ({@code /__paperboy/events}): one "reload" event after
 * every build, good or failed, so the page shows the new site or the error. A comment line every few seconds
 * finds closed connections.
 */
final class ReloadEvents {
    static final String PATH = "/__paperboy/events";
    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();

    /** Keeps the exchange open; the calling handler thread returns at once. */
    void subscribe(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        clients.add(out);
    }

    void reload(long generation) {
        send("event: reload\ndata: " + generation + "\n\n");
    }

    void heartbeat() {
        send(": ping\n\n");
    }

    int clientCount() {
        return clients.size();
    }

    void closeAll() {
        for (OutputStream out : clients) close(out);
        clients.clear();
    }

    private void send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : clients) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                clients.remove(out); // the page went away
                close(out);
            }
        }
    }

    private static void close(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // already closed by the browser
        }
    }
}
