package paperboy.parse;

import paperboy.problems.Problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the line ends, blank-line runs and stray spaces, a listing parses back to what was written. */
class SnapshotParserProperties {

    record Entry(String title, String abstractText) {}

    record Noise(String eol, int blankRun, String trailing, boolean bom) {}

    @Property(tries = 300)
    void noiseDoesNotChangeWhatIsRead(@ForAll("entries") List<Entry> entries, @ForAll("noise") Noise noise) {
        StringBuilder text = new StringBuilder(noise.bom() ? "\uFEFF" : "");
        String gap = noise.trailing() + noise.eol().repeat(noise.blankRun() + 1);
        text.append("new").append(gap).append("Subscribe").append(gap).append("Mar 13").append(gap);
        for (Entry e : entries) {
            text.append(e.title()).append(gap).append(e.abstractText()).append(gap);
        }
        Problems problems = new Problems();
        Optional<Snapshot> s = new SnapshotParser(OptionalInt.of(2025))
                .parse(Path.of("p.txt"), text.toString().getBytes(StandardCharsets.UTF_8), problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(s).isPresent();
        assertThat(s.get().entries()).extracting(RawEntry::title).containsExactlyElementsOf(
                entries.stream().map(Entry::title).toList());
        assertThat(s.get().entries()).extracting(r -> r.abstractText().orElseThrow()).containsExactlyElementsOf(
                entries.stream().map(Entry::abstractText).toList());
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10);
        Arbitrary<String> title = word.list().ofMinSize(1).ofMaxSize(12)
                .map(ws -> ws.stream().map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                        .collect(Collectors.joining(" ")));
        Arbitrary<String> sentence = word.list().ofMinSize(4).ofMaxSize(20)
                .map(ws -> Character.toUpperCase(ws.get(0).charAt(0)) + String.join(" ", ws).substring(1) + ".");
        Arbitrary<String> abstractText = sentence.list().ofMinSize(2).ofMaxSize(8).map(ss -> String.join(" ", ss));
        return Combinators.combine(title, abstractText).as(Entry::new).list().ofMinSize(1).ofMaxSize(15);
    }

    @Provide
    Arbitrary<Noise> noise() {
        return Combinators.combine(
                Arbitraries.of("\n", "\r\n", "\r"),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of("", " ", "\t", "\u00A0 "),
                Arbitraries.of(true, false)).as(Noise::new);
    }
}
