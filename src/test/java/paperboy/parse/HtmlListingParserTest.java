package paperboy.parse;

import paperboy.problems.Problems;
import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.parse.ListingFixtures.file;
import static paperboy.parse.ListingFixtures.messages;
import static paperboy.parse.ListingFixtures.text;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlListingParserTest {
    private final HtmlListingParser parser = new HtmlListingParser();
    private final Problems problems = new Problems();

    private List<Snapshot> parse(String name) {
        return parser.parse(file(name), text(name), problems);
    }

    @Test
    void readsCardsWithTitleAbstractAuthorsAndArxivId() {
        List<Snapshot> s = parse("2025-03-16.html");
        assertThat(s).singleElement().satisfies(snap -> assertThat(snap.date()).isEqualTo(LocalDate.of(2025, 3, 16)));
        List<RawEntry> e = s.get(0).entries();
        assertThat(e).extracting(RawEntry::title).containsExactly("Diffusion Models as Weather Forecasters",
                "Compiling Attention: Fast Kernels for Long Contexts", "Retrieval Without an Index");
        assertThat(e.get(0).abstractText()).get().asString()
                .isEqualTo("We train a diffusion model on forty years of reanalysis data. Its ten-day forecasts match "
                        + "the best numerical models at a hundredth of the compute.");
        assertThat(e.get(0).authors()).containsExactly("Katherine Johnson", "Dorothy Vaughan");
        assertThat(e.get(0).arxivId()).contains("2503.10005");
        assertThat(e.get(1).arxivId()).contains("2503.10002"); // the saved page's own relative /papers/ link
        assertThat(e.get(2).arxivId()).contains("2503.10006"); // from the PDF link
        assertThat(e.get(2).abstractText()).get().asString().startsWith("Language models memorise");
        assertThat(e.get(0).titleAt().toString()).isEqualTo("src/test/resources/inputs/2025-03-16.html:14:7");
        assertThat(messages(problems)).isEmpty();
    }

    @Test
    void pageWithoutCardsIsAnError() {
        assertThat(parse("bad/2025-03-16-no-cards.html")).isEmpty();
        assertThat(messages(problems)).singleElement().asString()
                .startsWith("src/test/resources/inputs/bad/2025-03-16-no-cards.html:1: no paper cards");
    }

    @Test
    void cardWithEmptyTitleIsAnErrorAtItsLineAndColumn() {
        parse("bad/2025-03-16-empty-title.html");
        assertThat(messages(problems)).containsExactly("src/test/resources/inputs/bad/2025-03-16-empty-title.html:6:3: "
                + "empty <h3>: a paper card needs its title");
    }

    @Test
    void pageWithoutDateIsAnError() {
        assertThat(parse("bad/listing-no-date.html")).isEmpty();
        assertThat(messages(problems)).singleElement().asString().contains("no listing date");
    }

    @Test
    void jsonSavedAsHtmlIsCaught() {
        parser.parse(file("x.html"), "[{\"paper\": {}}]", problems);
        assertThat(messages(problems)).singleElement().asString().contains("looks like JSON");
    }
}
