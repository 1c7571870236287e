package paperboy.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets a day's list from the Hugging Face daily papers API, or anything that answers like it, with the JDK's
 * HttpClient. What the API does, and so what this expects: {@code GET /api/daily_papers?date=YYYY-MM-DD} answers
 * a JSON array of {@code {"paper": {...}, "title", "publishedAt", ...}}; a day it has nothing for (not yet, or a
 * weekend) is an empty array, not an error; a malformed date is HTTP 400; a longer list continues on the page
 * named by a {@code Link: <...>; rel="next"} header. A mirror serving one file per day answers 404 for a day it
 * does not have, which counts as not published too.
 *
 * <p>A request that cannot connect, times out (the whole answer, not only its headers, must arrive within the
 * timeout), is cut off, or gets HTTP 429 or 5xx is tried again after 1, 2, 4 ... times the back-off (or the
 * server's {@code Retry-After}, up to a minute). Other HTTP errors and malformed answers are not: asking again
 * gives the same answer.
 */
public final class DailyPapersClient {
    /** A day's answer at most this large, like a listing file (README "Limits"). */
    static final int MAX_BYTES = 64 << 20;
    static final int MAX_PAGES = 50;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*\\brel=\"?next\"?", Pattern.CASE_INSENSITIVE);

    private final ListingSource source;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final Consumer<String> notes;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param backoff the first wait before trying again (then doubled each time)
     * @param notes   where a line goes each time a request is tried again
     */
    public DailyPapersClient(ListingSource source, Duration timeout, int retries, Duration backoff,
                             Consumer<String> notes) {
        this.source = source;
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
        this.notes = notes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The day's list, every page of it; never throws for what the network or the server does. */
    public Answer fetch(LocalDate day) throws InterruptedException {
        URI first = source.forDay(day);
        List<JsonNode> items = new ArrayList<>();
        Set<URI> asked = new HashSet<>();
        Set<String> ids = new HashSet<>();
        URI next = first;
        while (next != null) {
            if (!asked.add(next) || asked.size() > MAX_PAGES) {
                return new Answer.Failed(first, "more than " + MAX_PAGES + " pages, or pages that link back (at " + next + ")");
            }
            Page page = page(next);
            if (page.failed != null) return new Answer.Failed(next, page.failed);
            if (page.notFound) {
                return asked.size() == 1 ? new Answer.NotPublished(first, "HTTP 404, no list for " + day)
                        : new Answer.Failed(next, "HTTP 404 for a page the previous page linked to");
            }
            for (JsonNode item : page.items) {
                // Pages cut from a list that grows meanwhile can repeat an item at their seam.
                String id = item.path("paper").path("id").asText("");
                if (id.isEmpty() || ids.add(id)) items.add(item);
            }
            next = page.next;
        }
        return items.isEmpty() ? new Answer.NotPublished(first, "an empty list for " + day) : new Answer.Papers(first, items);
    }

    /** One page: its items and the next page, 404, or why it failed after the retries. */
    private record Page(List<JsonNode> items, URI next, boolean notFound, String failed) {
        static Page failed(String why) {
            return new Page(List.of(), null, false, why);
        }
    }

    private Page page(URI url) throws InterruptedException {
        String lastProblem = null;
        Duration serverWait = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                Duration wait = serverWait != null ? serverWait : backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
                notes.accept(url + ": " + lastProblem + "; trying again in " + seconds(wait) + " (" + (attempt + 1)
                        + " of " + (retries + 1) + ")");
                Thread.sleep(wait.toMillis());
            }
            serverWait = null;
            HttpResponse<byte[]> response;
            try {
                response = send(url);
            } catch (HttpTimeoutException | TimeoutException e) {
                lastProblem = "no complete answer within " + seconds(timeout);
                continue;
            } catch (ConnectException e) {
                lastProblem = "cannot connect" + detail(e);
                continue;
            } catch (IOException e) {
                lastProblem = "connection failed" + detail(e);
                continue;
            }
            int status = response.statusCode();
            if (status == 404) return new Page(List.of(), null, true, null);
            if (status == 429 || status >= 500) {
                lastProblem = "HTTP " + status + bodyHint(response.body());
                serverWait = retryAfter(response).orElse(null);
                continue;
            }
            if (status < 200 || status > 299) return Page.failed("HTTP " + status + bodyHint(response.body()));
            return parse(url, response);
        }
        String tries = retries == 0 ? "" : " (tried " + (retries + 1) + " times)";
        return Page.failed(lastProblem + tries);
    }

    private HttpResponse<byte[]> send(URI url) throws IOException, InterruptedException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "paperboy/" + version())
                .GET().build();
        // The request timeout ends with the headers; a body that trickles in must not hold the job forever.
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        }
    }

    private Page parse(URI url, HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body.length > MAX_BYTES) return Page.failed("an answer of " + body.length + " bytes, more than the 64 MB a listing may have");
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Page.failed("malformed answer: not JSON" + where + " (" + e.getOriginalMessage() + ")"
                    + (body.length == 0 ? ", the answer is empty" : ""));
        } catch (IOException e) {
            return Page.failed("malformed answer: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) return Page.failed("malformed answer: empty, expected a JSON list of papers");
        JsonNode list = root.isObject() && root.path("papers").isArray() ? root.path("papers") : root;
        if (!list.isArray()) {
            String error = root.path("error").asText("");
            return Page.failed(!error.isEmpty() ? "the source says: " + oneLine(error)
                    : "malformed answer: expected a JSON list of papers, found " + kind(root));
        }
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        URI next = null;
        for (String link : response.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                try {
                    next = url.resolve(m.group(1).strip());
                } catch (IllegalArgumentException e) {
                    return Page.failed("malformed Link header: " + oneLine(link));
                }
            }
        }
        // An empty page ends the list whatever it links to.
        return new Page(items, items.isEmpty() ? null : next, false, null);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long s = Long.parseLong(v.strip());
                return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(s, MAX_RETRY_AFTER.toSeconds())));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the usual back-off instead
            }
        });
    }

    /** The start of an error page, when it says something in text. */
    private static String bodyHint(byte[] body) {
        String text = oneLine(new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8));
        if (text.isEmpty() || text.startsWith("<")) return "";
        return ": " + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String detail(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? " (" + e.getClass().getSimpleName() + ")" : " (" + oneLine(m) + ")";
    }

    private static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String version() {
        String v = DailyPapersClient.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
