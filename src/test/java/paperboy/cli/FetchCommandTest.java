package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.testing.ListingServer.after;
import static paperboy.testing.ListingServer.cutOff;
import static paperboy.testing.ListingServer.json;
import static paperboy.testing.ListingServer.recorded;
import static paperboy.testing.ListingServer.resource;
import static paperboy.testing.ListingServer.status;
import static paperboy.testing.ListingServer.trickle;
import static paperboy.testing.ListingServer.withHeader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.testing.ListingServer;

/**
 * {@code paperboy fetch} against a local stand-in for the Hugging Face API serving recorded answers: what is
 * written, when an existing file is kept, and how each failure reads. No test leaves 127.0.0.1.
 */
class FetchCommandTest {
    @TempDir
    Path dir;

    private final ListingServer server;

    FetchCommandTest() throws IOException {
        server = new ListingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path content() {
        return dir.resolve("content");
    }

    private Path day14() {
        return content().resolve("2025-03-14.json");
    }

    /** A config pointing fetch at the local server, with short timeouts. */
    private Path config(String extra) throws IOException {
        Path cfg = dir.resolve("paperboy.yml");
        Files.writeString(cfg, "timeZone: UTC\nfetch:\n  url: " + server.url() + "\n  timeoutSeconds: 1\n" + extra);
        return cfg;
    }

    private Cli fetch(String... args) throws IOException {
        return fetchWith("  retries: 2\n", args);
    }

    private Cli fetchWith(String fetchKeys, String... args) throws IOException {
        String[] all = new String[args.length + 7];
        all[0] = "fetch";
        all[1] = "--content";
        all[2] = content().toString();
        all[3] = "--config";
        all[4] = config(fetchKeys).toString();
        all[5] = "--backoff-ms";
        all[6] = "10";
        System.arraycopy(args, 0, all, 7, args.length);
        return Cli.run(all);
    }

    @Test
    void writesTheDaysListAsTheBuildReadsIt() throws IOException {
        server.on("2025-03-14", recorded("hf-2025-03-14.json"));
        Cli r = fetch("--date", "2025-03-14");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("fetch 2025-03-14: wrote " + day14() + ", 4 papers from " + server.url()
                + "?date=2025-03-14\n");
        assertThat(server.requests()).containsExactly("/api/daily_papers?date=2025-03-14");
        JsonNode file = new ObjectMapper().readTree(day14().toFile());
        assertThat(file.get("date").asText()).isEqualTo("2025-03-14");
        // Every item kept as the API gave it, in its order.
        JsonNode api = new ObjectMapper().readTree(resource("hf-2025-03-14.json"));
        assertThat(file.get("papers")).isEqualTo(api);
        assertThat(Files.readString(day14())).startsWith("{\n  \"date\" : \"2025-03-14\",\n  \"papers\" : [\n")
                .endsWith("}\n");
        assertThat(content()).isDirectoryContaining(p -> p.getFileName().toString().equals("2025-03-14.json"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void theDefaultSourceIsTheHuggingFaceApiWithAPageLongEnoughForABusyDay() {
        assertThat(paperboy.config.FetchConfig.defaults().url())
                .isEqualTo("https://huggingface.co/api/daily_papers?date={date}&limit=100");
        assertThat(new paperboy.fetch.ListingSource("https://mirror.example/hf/{date}.json").forDay(LocalDate.of(2025, 3, 14)))
                .hasToString("https://mirror.example/hf/2025-03-14.json");
        assertThat(new paperboy.fetch.ListingSource("https://mirror.example/api?limit=100").forDay(LocalDate.of(2025, 3, 14)))
                .hasToString("https://mirror.example/api?limit=100&date=2025-03-14");
    }

    @Test
    void aSecondFetchOfTheSameAnswerLeavesTheFileAlone() throws IOException {
        server.on("2025-03-14", recorded("hf-2025-03-14.json"));
        assertThat(fetch("--date", "2025-03-14").exitCode()).isZero();
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(day14(), old);

        Cli again = fetch("--date", "2025-03-14");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("fetch 2025-03-14: " + day14() + " unchanged, 4 papers");
        assertThat(Files.getLastModifiedTime(day14())).isEqualTo(old);
    }

    @Test
    void aChangedAnswerReplacesTheFile() throws IOException {
        server.on("2025-03-14", recorded("hf-2025-03-14.json"), recorded("hf-2025-03-14-later.json"));
        fetch("--date", "2025-03-14");
        assertThat(Files.readString(day14())).contains("\"upvotes\" : 87");

        Cli later = fetch("--date", "2025-03-14");
        assertThat(later.exitCode()).isZero();
        assertThat(later.out()).startsWith("fetch 2025-03-14: updated " + day14() + ", 4 papers");
        assertThat(Files.readString(day14())).contains("\"upvotes\" : 112").doesNotContain("\"upvotes\" : 87");
    }

    @Test
    void aDayNotPublishedYetIsAMessageAndExitCode3NotAnEmptyFile() throws IOException {
        server.on("2025-03-15", json("[]"));
        Cli r = fetch("--date", "2025-03-15");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_PUBLISHED);
        assertThat(r.out()).isEqualTo("fetch 2025-03-15: not published yet (an empty list for 2025-03-15 from "
                + server.url() + "?date=2025-03-15); nothing written\n");
        assertThat(content().resolve("2025-03-15.json")).doesNotExist();
    }

    @Test
    void aMirrorsMissingFileIsNotPublishedEither() throws IOException {
        server.on("2025-03-15", status(404, "Not Found"));
        Cli r = fetch("--date", "2025-03-15");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_PUBLISHED);
        assertThat(r.out()).contains("not published yet (HTTP 404, no list for 2025-03-15");
        assertThat(content().resolve("2025-03-15.json")).doesNotExist();
    }

    @Test
    void aPassingServerErrorIsRetriedWithBackOff() throws IOException {
        server.on("2025-03-14", status(503, "{\"error\":\"Service Unavailable\"}"), status(502, ""),
                recorded("hf-2025-03-14.json"));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo(
                "fetch: " + server.url() + "?date=2025-03-14: HTTP 503: {\"error\":\"Service Unavailable\"}; trying again in 0 s (2 of 3)\n"
                        .replace("0 s", "0.0 s")
                        + "fetch: " + server.url() + "?date=2025-03-14: HTTP 502; trying again in 0.0 s (3 of 3)\n");
        assertThat(server.requests()).hasSize(3);
        assertThat(day14()).exists();
    }

    @Test
    void aServerThatKeepsFailingIsOneLineWithTheUrlAndTheOldFileIsKept() throws IOException {
        Files.createDirectories(content());
        Files.writeString(day14(), "{\"date\": \"2025-03-14\", \"papers\": []}\n");
        server.on("2025-03-14", status(503, "<html><body>Bad gateway</body></html>"));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(lastLine(r.err())).isEqualTo("error: fetch 2025-03-14: " + server.url()
                + "?date=2025-03-14: HTTP 503 (tried 3 times); " + day14() + " not written");
        assertThat(Files.readString(day14())).isEqualTo("{\"date\": \"2025-03-14\", \"papers\": []}\n");
    }

    @Test
    void aClientErrorIsNotRetried() throws IOException {
        server.on("2025-03-14", status(400, "{\"error\":\"Invalid date\"}"));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(r.err()).isEqualTo("error: fetch 2025-03-14: " + server.url()
                + "?date=2025-03-14: HTTP 400: {\"error\":\"Invalid date\"}; " + day14() + " not written\n");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFails() throws IOException {
        server.on("2025-03-14", after(Duration.ofSeconds(5), recorded("hf-2025-03-14.json")));
        long start = System.nanoTime();
        Cli r = fetchWith("  retries: 1\n", "--date", "2025-03-14");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(lastLine(r.err())).isEqualTo("error: fetch 2025-03-14: " + server.url()
                + "?date=2025-03-14: no complete answer within 1 s (tried 2 times); " + day14() + " not written");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(day14()).doesNotExist();
    }

    @Test
    void aBodyThatTricklesInCountsAgainstTheTimeoutToo() throws IOException {
        // Headers at once, then 6 KB at 16 bytes per 50 ms: about 20 s, far over the 1 s allowed.
        server.on("2025-03-14", trickle(resource("hf-2025-03-14.json"), Duration.ofMillis(50)));
        long start = System.nanoTime();
        Cli r = fetchWith("  retries: 0\n", "--date", "2025-03-14");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(r.err()).contains("no complete answer within 1 s;");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerCutOffMidwayIsRetriedThenReported() throws IOException {
        String body = resource("hf-2025-03-14.json");
        server.on("2025-03-14", cutOff(body, 1000), recorded("hf-2025-03-14.json"));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("fetch: " + server.url() + "?date=2025-03-14: connection failed (");

        server.on("2025-03-13", cutOff(body, 1000));
        Cli failed = fetch("--date", "2025-03-13");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(lastLine(failed.err())).startsWith("error: fetch 2025-03-13: " + server.url()
                + "?date=2025-03-13: connection failed (").contains("(tried 3 times)");
        assertThat(content().resolve("2025-03-13.json")).doesNotExist();
    }

    @Test
    void truncatedJsonIsAMalformedAnswerAndTheOldFileIsKept() throws IOException {
        server.on("2025-03-14", recorded("hf-2025-03-14.json"));
        fetch("--date", "2025-03-14");
        byte[] before = Files.readAllBytes(day14());

        server.on("2025-03-14", json(resource("hf-2025-03-14-later.json").substring(0, 2000)));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(r.err()).startsWith("error: fetch 2025-03-14: " + server.url()
                + "?date=2025-03-14: malformed answer: not JSON at line 1, column ")
                .contains("(Unexpected end-of-input")
                .endsWith("; " + day14() + " not written\n");
        assertThat(Files.readAllBytes(day14())).isEqualTo(before);
    }

    @Test
    void anAnswerThatIsNotAListingIsRejectedWithTheParsersWords() throws IOException {
        server.on("2025-03-14", json("[{\"title\": \"A paper\", \"upvotes\": 3}]"));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(r.err()).isEqualTo("error: fetch 2025-03-14: " + server.url()
                + "?date=2025-03-14: malformed answer: papers[0]: no \"paper\" object; " + day14() + " not written\n");

        server.on("2025-03-13", json("{\"message\": \"moved\"}"));
        Cli object = fetch("--date", "2025-03-13");
        assertThat(object.err()).contains("malformed answer: expected a JSON list of papers, found an object");
        assertThat(content()).doesNotExist();
    }

    @Test
    void aMirrorServingAnotherPaperboysFileGivesTheSameFile() throws IOException {
        server.on("2025-03-14", recorded("hf-2025-03-14.json"));
        fetch("--date", "2025-03-14");
        byte[] first = Files.readAllBytes(day14());
        Files.delete(day14());

        server.on("2025-03-14", json(new String(first, StandardCharsets.UTF_8)));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(day14())).isEqualTo(first);
    }

    @Test
    void aLongDayFollowsTheNextPageLink() throws IOException {
        List<JsonNode> all = List.copyOf(listOf(resource("hf-2025-03-14.json")));
        String first = "[" + all.get(0) + "," + all.get(1) + "]";
        String second = "[" + all.get(1) + "," + all.get(2) + "," + all.get(3) + "]"; // the seam repeats an item
        server.on("2025-03-14", withHeader("Link", "<" + server.url() + "?date=2025-03-14&p=1>; rel=\"next\"", json(first)));
        server.on("2025-03-14#p1", json(second));
        Cli r = fetch("--date", "2025-03-14");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 papers");
        assertThat(new ObjectMapper().readTree(day14().toFile()).get("papers"))
                .isEqualTo(new ObjectMapper().readTree(resource("hf-2025-03-14.json")));
    }

    @Test
    void sinceFetchesEveryDayToTodayAndWeekendsAreNoFailure() throws IOException {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String d2 = today.minusDays(2).toString(), d1 = today.minusDays(1).toString();
        server.on(d2, json(resource("hf-2025-03-13.json")));
        server.on(d1, json("[]"));
        server.on(today.toString(), json(resource("hf-2025-03-14.json")));
        Cli r = fetch("--since", d2);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out()).contains("fetch " + d2 + ": wrote", "fetch " + d1 + ": not published yet",
                "fetch " + today + ": wrote");
        assertThat(content().resolve(d1 + ".json")).doesNotExist();
        assertThat(Files.readString(content().resolve(d2 + ".json"))).contains("\"date\" : \"" + d2 + "\"");
    }

    @Test
    void badUsageAndBadConfigAreSaidBeforeAnyRequest() throws IOException {
        Cli both = fetch("--date", "2025-03-14", "--since", "2025-03-10");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(both.err()).isEqualTo("error: --date and --since exclude each other\n");

        Cli future = fetch("--since", LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3).toString());
        assertThat(future.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);

        Path cfg = dir.resolve("bad.yml");
        Files.writeString(cfg, "title: T\nfetch:\n  url: ftp://example.org/{date}\n  retries: 99\n");
        Cli bad = Cli.run("fetch", "--content", content().toString(), "--config", cfg.toString(), "--date", "2025-03-14");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains(cfg + ":3:8: fetch.url: \"ftp://example.org/{date}\" is not an absolute http(s) URL")
                .contains(cfg + ":4:12: retries: 99 is out of range");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnreachableSourceIsOneLine() throws IOException {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path cfg = dir.resolve("closed.yml");
        Files.writeString(cfg, "fetch:\n  url: http://127.0.0.1:" + port + "/daily/{date}.json\n  retries: 1\n");
        Cli r = Cli.run("fetch", "--content", content().toString(), "--config", cfg.toString(), "--date", "2025-03-14",
                "--backoff-ms", "10");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(lastLine(r.err())).startsWith("error: fetch 2025-03-14: http://127.0.0.1:" + port
                + "/daily/2025-03-14.json: cannot connect").endsWith("(tried 2 times); " + day14() + " not written");
    }

    private static List<JsonNode> listOf(String json) throws IOException {
        List<JsonNode> items = new java.util.ArrayList<>();
        new ObjectMapper().readTree(json).forEach(items::add);
        return items;
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
