package paperboy.render.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-text part splits words without a regex: it must split exactly as {@code split("\\s+")} does. */
class PlainTextWordsTest {

    @Test
    void sameWordsAsTheRegexSplit() {
        Random random = new Random(7);
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0001', '\u00A0', 'é', '-'};
        for (int round = 0; round < 5_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) s.append(alphabet[random.nextInt(alphabet.length)]);
            String trimmed = s.toString().trim();
            assertThat(PlainTextEdition.words(trimmed)).as("[%s]", trimmed)
                    .isEqualTo(Arrays.asList(trimmed.split("\\s+")));
        }
    }
}
