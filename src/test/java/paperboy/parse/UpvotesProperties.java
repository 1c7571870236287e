package paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.problems.Severity;

/**
 * A Hugging Face entry's {@code upvotes}: any count of 0 or more is read as written; anything else is one warning at
 * the entry's line and column, and the paper is kept without a count.
 */
class UpvotesProperties {
    private static final Path FILE = Path.of("2025-03-14.json");

    /** Two papers; the second's {@code upvotes} is written as {@code value} (raw JSON) on line 4. */
    private static String listing(String value) {
        return "[\n"
                + "  {\"paper\": {\"id\": \"2503.10001\", \"title\": \"First Paper\", \"summary\": \"One.\"}},\n"
                + "  {\"paper\": {\"id\": \"2503.10002\", \"title\": \"Second Paper\", \"summary\": \"Two.\",\n"
                + "     \"upvotes\": " + value + "}}\n"
                + "]\n";
    }

    private static List<RawEntry> parse(String json, Problems problems) {
        List<Snapshot> s = new JsonListingParser().parse(FILE, json, problems);
        assertThat(s).hasSize(1);
        return s.get(0).entries();
    }

    @Property(tries = 200)
    void aCountIsReadAsWritten(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int count) {
        Problems problems = new Problems();
        List<RawEntry> entries = parse(listing(Integer.toString(count)), problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(entries.get(0).upvotes()).as("a paper without the field has no count").isEmpty();
        assertThat(entries.get(1).upvotes()).isEqualTo(OptionalInt.of(count));
    }

    @Property(tries = 200)
    void anythingElseIsAWarningAtTheEntryAndThePaperIsKept(@ForAll("notACount") String value) {
        Problems problems = new Problems();
        List<RawEntry> entries = parse(listing(value), problems);
        assertThat(entries).extracting(RawEntry::title).containsExactly("First Paper", "Second Paper");
        assertThat(entries).allSatisfy(e -> assertThat(e.upvotes()).isEmpty());
        List<Problem> found = problems.sorted();
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.toString()).startsWith("2025-03-14.json:3:3: warning: papers[1]: \"upvotes\" is ")
                    .endsWith(", not a count (a whole number, 0 or more); shown without upvotes");
        });
    }

    @Provide
    Arbitrary<String> notACount() {
        return Arbitraries.oneOf(
                Arbitraries.integers().lessOrEqual(-1).map(Object::toString),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(3).filter(d -> d != Math.rint(d)).map(Object::toString),
                Arbitraries.longs().greaterOrEqual((long) Integer.MAX_VALUE + 1).map(Object::toString),
                Arbitraries.strings().alpha().numeric().ofMaxLength(8).map(s -> "\"" + s + "\""),
                Arbitraries.of("true", "false", "[]", "[42]", "{}", "{\"count\": 42}"));
    }

    @Property(tries = 1)
    void nullIsNoCountAndNoWarning() {
        Problems problems = new Problems();
        assertThat(parse(listing("null"), problems).get(1).upvotes()).isEmpty();
        assertThat(problems.sorted()).isEmpty();
    }
}
