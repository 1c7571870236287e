package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.testing.ListingServer.json;
import static paperboy.testing.ListingServer.recorded;
import static paperboy.testing.ListingServer.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import paperboy.testing.ListingServer;
import paperboy.testing.SiteTrees;

/**
 * {@code paperboy daily}: fetch, build and send in one run, one line per step, with exit codes a scheduler can
 * act on; and the site built from fetched lists links every paper to arXiv and Hugging Face with its upvotes.
 */
class DailyCommandTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final ListingServer server;

    DailyCommandTest() throws IOException {
        server = new ListingServer()
                .on("2025-03-13", recorded("hf-2025-03-13.json"))
                .on("2025-03-14", recorded("hf-2025-03-14.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path content() {
        return dir.resolve("content");
    }

    private Path site() {
        return dir.resolve("site");
    }

    private Cli daily(String date, String... more) throws IOException {
        Path cfg = dir.resolve("paperboy.yml");
        Files.writeString(cfg, """
                title: Daily Test
                baseUrl: https://digest.example.org/
                timeZone: Europe/Berlin
                newsletter:
                  from: Digest <digest@example.org>
                fetch:
                  url: %s
                  timeoutSeconds: 2
                  retries: 1
                """.formatted(server.url()));
        List<String> args = new java.util.ArrayList<>(List.of("daily", "--date", date, "--content", content().toString(),
                "--out", site().toString(), "--config", cfg.toString(),
                "--backoff-ms", "10"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void fetchesBuildsAndSaysSoOneLinePerStep() throws IOException {
        Cli r = daily("2025-03-14");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("fetch 2025-03-14: wrote " + content().resolve("2025-03-14.json")
                + ", 4 papers from " + server.url() + "?date=2025-03-14");
        assertThat(lines.get(1)).startsWith("Built " + site() + ": 1 day, 4 listings, 4 papers;");
        assertThat(lines.get(2)).isEqualTo("daily 2025-03-14: done; no e-mail sent (no --to)");
    }

    @Test
    void theSiteLinksEveryFetchedPaperToArxivAndHuggingFaceWithItsUpvotes() throws IOException {
        assertThat(daily("2025-03-14").exitCode()).isZero();
        Document day = Jsoup.parse(site().resolve("days/2025-03-14/index.html").toFile());
        List<Element> listings = day.select("li.listing");
        assertThat(listings).hasSize(4);
        Map<String, String> upvotes = Map.of("2503.10101", "87", "2503.10222", "42", "2503.09876", "15",
                "2503.10333", "0");
        for (Element l : listings) {
            List<String> hrefs = l.select(".paper-links a").eachAttr("href");
            String id = hrefs.stream().filter(h -> h.startsWith("https://arxiv.org/abs/")).findFirst()
                    .map(h -> h.substring("https://arxiv.org/abs/".length())).orElseThrow();
            assertThat(hrefs).as(l.text()).containsExactly("https://arxiv.org/abs/" + id,
                    "https://arxiv.org/pdf/" + id, "https://huggingface.co/papers/" + id);
            assertThat(l.select(".upvotes").text()).as(id).isEqualTo("▲ " + upvotes.get(id) + " upvotes");
        }
        assertThat(day.select("li.listing .listing-title").eachText()).contains(
                "Sparse Mixture Routing Makes Long-Context Decoding Cheap", "Ünïcode-Aware Evaluation of Multilingual Retrieval");
        Document paper = Jsoup.parse(site().resolve(day.selectFirst("li.listing .listing-title a").attr("href")
                .replace("../../", "")).toFile());
        assertThat(paper.text()).contains("Mei Lin", "Tomás Ferreira", "Aditi Rao");
    }

    @Test
    void theHomePageSaysWhenAndFromWhatItWasUpdatedAndOnlyTheHomePage() throws IOException {
        daily("2025-03-13");
        daily("2025-03-14");
        Document home = Jsoup.parse(site().resolve("index.html").toFile());
        Element updated = home.selectFirst("p.lede time");
        assertThat(updated.attr("datetime")).isEqualTo("2025-03-14");
        assertThat(home.selectFirst("p.lede").text()).contains("Updated " + updated.text() + " from 2025-03-14.json.");
        assertThat(Files.readString(site().resolve("days/2025-03-14/index.html"))).doesNotContain("Updated ");
    }

    @Test
    void aDailyRunIsTheSameSiteAsAFullBuildOfTheSameContent() throws IOException {
        assertThat(daily("2025-03-13").exitCode()).isZero();
        assertThat(daily("2025-03-14").exitCode()).isZero(); // an incremental build over yesterday's site
        Path full = dir.resolve("full");
        Cli build = Cli.run("build", "--content", content().toString(), "--out", full.toString(), "--config",
                dir.resolve("paperboy.yml").toString(), "--no-cache");
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(SiteTrees.text(site())).isEqualTo(SiteTrees.text(full));
    }

    @Test
    void aDayNotPublishedYetBuildsAndSendsNothingWithExitCode3() throws IOException {
        server.on("2025-03-15", json("[]"));
        Cli r = daily("2025-03-15", "--to", "reader@example.com", "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(greenMail.getSmtp().getPort()));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_PUBLISHED);
        assertThat(r.out()).endsWith("daily 2025-03-15: stopped after fetch (exit code 3); nothing built or sent,"
                + " try again later\n");
        assertThat(site()).doesNotExist();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aFailingSourceStopsTheRunWithExitCode4AndTheSiteAsItWas() throws IOException {
        assertThat(daily("2025-03-13").exitCode()).isZero();
        Map<String, String> before = SiteTrees.text(site());
        server.on("2025-03-14", status(500, ""));
        Cli r = daily("2025-03-14");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOURCE_FAILED);
        assertThat(r.err()).contains("error: fetch 2025-03-14: " + server.url() + "?date=2025-03-14: HTTP 500 (tried 2 times)")
                .endsWith("daily 2025-03-14: stopped after fetch (exit code 4); nothing built or sent, try again later\n");
        assertThat(SiteTrees.text(site())).isEqualTo(before);
    }

    @Test
    void sendsTheDaysEditionOnceHoweverOftenTheJobRuns() throws Exception {
        String[] send = {"--to", "reader@example.com", "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(greenMail.getSmtp().getPort())};
        Cli first = daily("2025-03-14", send);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Sent \"Daily Test — Mar 14: 4 papers (4 new)\" to reader@example.com")
                .endsWith("daily 2025-03-14: done\n");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("Daily Test — Mar 14: 4 papers (4 new)");

        Cli again = daily("2025-03-14", send);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("daily 2025-03-14: done; the edition was sent before (" + dir.resolve(".site.sent")
                + "), not sent again");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(Files.readString(dir.resolve(".site.sent"))).isEqualTo("2025-03-14\n");
    }

    @Test
    void aBadAddressIsRefusedBeforeAnythingIsFetched() throws IOException {
        Cli r = daily("2025-03-14", "--to", "not an address");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(r.err()).startsWith("error: --to: ").endsWith("; nothing was fetched, built or sent\n");
        assertThat(server.requests()).isEmpty();
    }
}
