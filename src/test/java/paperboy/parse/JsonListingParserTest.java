package paperboy.parse;

import paperboy.problems.Problems;
import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.parse.ListingFixtures.file;
import static paperboy.parse.ListingFixtures.messages;
import static paperboy.parse.ListingFixtures.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonListingParserTest {
    private final JsonListingParser parser = new JsonListingParser();
    private final Problems problems = new Problems();

    private List<Snapshot> parse(String name) {
        return parser.parse(file(name), text(name), problems);
    }

    @Test
    void huggingFaceListTakesItsDateFromTheFileName() {
        List<Snapshot> s = parse("2025-03-14.json");
        assertThat(messages(problems)).isEmpty();
        assertThat(s).hasSize(1);
        assertThat(s.get(0).date()).isEqualTo(LocalDate.of(2025, 3, 14));
        RawEntry first = s.get(0).entries().get(0);
        assertThat(first.title()).isEqualTo("Sparse Probes for Circuit Discovery in Language Models");
        assertThat(first.abstractText()).get().asString().startsWith("We introduce sparse probes");
        assertThat(first.arxivId()).contains("2503.10001");
        assertThat(first.authors()).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(first.titleAt().line()).isEqualTo(2);
        assertThat(first.titleAt().column()).isEqualTo(3);
        // the version suffix is not part of the identity
        assertThat(s.get(0).entries().get(1).arxivId()).contains("2503.10002");
    }

    @Test
    void huggingFaceUpvotesAreReadFromThePaperWhereGiven() {
        List<Snapshot> s = parse("2025-03-14.json");
        assertThat(s.get(0).entries().get(0).upvotes()).hasValue(42); // "paper": {..., "upvotes": 42}
        assertThat(s.get(0).entries().get(1).upvotes()).isEmpty();    // no "upvotes": no count, no warning
        assertThat(messages(problems)).isEmpty();
    }

    @Test
    void upvotesOfAnotherKindAreAWarningAtTheItemAndThePaperIsKept() {
        List<Snapshot> s = parser.parse(file("2025-03-20.json"), """
                [
                  {"paper": {"id": "2503.10001", "title": "Counted In Quotes", "summary": "S.", "upvotes": "42"}},
                  {"paper": {"id": "2503.10002", "title": "Counted Below Zero", "summary": "S.", "upvotes": -3}}
                ]
                """, problems);
        assertThat(s.get(0).entries()).extracting(RawEntry::title).containsExactly("Counted In Quotes", "Counted Below Zero");
        assertThat(s.get(0).entries()).allSatisfy(e -> assertThat(e.upvotes()).isEmpty());
        assertThat(messages(problems)).containsExactly(
                "src/test/resources/inputs/2025-03-20.json:2:3: warning: papers[0]: \"upvotes\" is text (\"42\"), "
                        + "not a count (a whole number, 0 or more); shown without upvotes",
                "src/test/resources/inputs/2025-03-20.json:3:3: warning: papers[1]: \"upvotes\" is -3, "
                        + "not a count (a whole number, 0 or more); shown without upvotes");
    }

    @Test
    void wrappedListCarriesItsOwnDate() {
        List<Snapshot> s = parse("wrapped.json");
        assertThat(messages(problems)).isEmpty();
        assertThat(s).singleElement().satisfies(snap -> {
            assertThat(snap.date()).isEqualTo(LocalDate.of(2025, 3, 15));
            assertThat(snap.entries()).extracting(RawEntry::title).containsExactly("Structured Reasoning Traces");
            assertThat(snap.entries().get(0).authors()).containsExactly("Edsger Dijkstra", "Barbara Liskov");
        });
    }

    @Test
    void jsonFeedIsToldApartByContentAndSplitByDay() {
        List<Snapshot> s = parse("feed.json");
        assertThat(messages(problems)).isEmpty();
        assertThat(s).extracting(Snapshot::date)
                .containsExactly(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 3, 16)); // the date as written
        RawEntry probes = s.get(0).entries().get(0);
        assertThat(probes.arxivId()).contains("2503.10001");
        assertThat(probes.authors()).containsExactly("Ada Lovelace", "Alan Turing");
        RawEntry tiny = s.get(1).entries().get(0);
        assertThat(tiny.title()).isEqualTo("Tiny Recursive Models");
        assertThat(tiny.abstractText()).get().asString().startsWith("A two-layer network"); // from summary
        assertThat(tiny.arxivId()).contains("2503.10004");
    }

    @Test
    void syntaxErrorPointsAtLineAndColumn() {
        assertThat(parse("bad/2025-03-14-syntax.json")).isEmpty();
        assertThat(messages(problems)).singleElement().asString()
                .startsWith("src/test/resources/inputs/bad/2025-03-14-syntax.json:5:7: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma");
    }

    @Test
    void itemWithoutTitleIsAnErrorAtTheItem() {
        parse("bad/2025-03-14-no-title.json");
        assertThat(problems.hasErrors()).isTrue();
        assertThat(messages(problems)).containsExactly(
                "src/test/resources/inputs/bad/2025-03-14-no-title.json:3:3: papers[1]: the paper has no \"title\"");
    }

    @Test
    void listWithoutDateIsAnError() {
        assertThat(parse("bad/no-date.json")).isEmpty();
        assertThat(messages(problems)).singleElement().asString()
                .startsWith("src/test/resources/inputs/bad/no-date.json:1: no listing date");
    }

    @Test
    void jsonThatIsNeitherKindIsAnError() {
        assertThat(parse("bad/neither.json")).isEmpty();
        assertThat(messages(problems)).singleElement().asString().contains("not a listing: expected a JSON Feed");
    }

    @Test
    void feedItemWithBadDateIsAnErrorAtTheItem() {
        parse("bad/feed-bad-date.json");
        assertThat(messages(problems)).containsExactly("src/test/resources/inputs/bad/feed-bad-date.json:6:5: "
                + "items[1]: \"date_published\" is not an RFC 3339 date: \"last Tuesday\"");
    }

    @Test
    void htmlSavedAsJsonIsCaught() {
        parser.parse(file("x.json"), "<!DOCTYPE html><html></html>", problems);
        assertThat(messages(problems)).singleElement().asString().contains("looks like HTML");
    }

    @Test
    void trailingGarbageIsAnError() {
        parser.parse(file("2025-03-14.json"), "[]\n]", problems);
        assertThat(problems.hasErrors()).isTrue();
        assertThat(messages(problems)).singleElement().asString().startsWith("src/test/resources/inputs/2025-03-14.json:2:1:");
    }

    @Test
    void arxivIdsAreRecognisedBareAndInLinks() {
        assertThat(ArxivIds.find("arXiv:2503.10622v2")).isEqualTo(Optional.of("2503.10622"));
        assertThat(ArxivIds.find("https://arxiv.org/pdf/2503.10622v1.pdf")).contains("2503.10622");
        assertThat(ArxivIds.find("https://huggingface.co/papers/2503.10622")).contains("2503.10622");
        assertThat(ArxivIds.find("hep-th/9901001")).contains("hep-th/9901001");
        assertThat(ArxivIds.find("/papers/2503.10622")).contains("2503.10622"); // a saved daily page's own links
        assertThat(ArxivIds.find("https://example.org/2503.10622")).isEmpty();
        assertThat(ArxivIds.find("Attention Is All You Need")).isEmpty();
    }
}
