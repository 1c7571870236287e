package paperboy.themes.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The analyzer that remembers stems gives exactly the tokens of Lucene's EnglishAnalyzer it stands for. */
class TermAnalyzerTest {

    @Test
    void rememberedStemsAreLucenesStems() throws IOException {
        TermAnalyzer remembering = new TermAnalyzer(), lucene = new TermAnalyzer(false);
        List<String> texts;
        try (Stream<Path> files = Files.list(Path.of("content"))) {
            texts = files.filter(f -> f.toString().endsWith(".txt")).sorted()
                    .map(f -> readString(f)).flatMap(t -> t.lines()).filter(l -> !l.isBlank()).toList();
        }
        assertThat(texts).hasSizeGreaterThan(300);
        // Twice over: the second pass takes every stem from memory.
        for (int pass = 0; pass < 2; pass++) {
            for (String t : texts) assertThat(remembering.tokens(t)).as(t).isEqualTo(lucene.tokens(t));
        }
        String tricky = "The models' auto-encoders ran; running runs RUNNING Runner's in-context learning, LLMs' LoRA";
        assertThat(remembering.tokens(tricky)).isEqualTo(lucene.tokens(tricky));
        assertThat(remembering.stems("learning learned learns")).containsExactly("learn", "learn", "learn");
    }

    private static String readString(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
