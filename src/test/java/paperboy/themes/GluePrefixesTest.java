package paperboy.themes;

import paperboy.themes.text.TermAnalyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The allocation-free prefix gluing gives exactly what the straightforward version gave. */
class GluePrefixesTest {
    private static final Set<String> PREFIXES = Set.of("auto", "pre", "post", "non", "co", "multi", "semi", "sub",
            "un", "de", "re");

    /** The version this replaced, kept as the specification. */
    private static String reference(String text) {
        if (text.indexOf('-') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int wordStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' && i > wordStart && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))
                    && PREFIXES.contains(text.substring(wordStart, i).toLowerCase(Locale.ROOT))) {
                continue;
            }
            out.append(c);
            if (!Character.isLetter(c)) wordStart = i + 1;
        }
        return out.toString();
    }

    @Test
    void examples() {
        assertThat(TermAnalyzer.glueCompoundPrefixes("Auto-encoders and pre-training, non-linear co-design"))
                .isEqualTo("Autoencoders and pretraining, nonlinear codesign");
        assertThat(TermAnalyzer.glueCompoundPrefixes("in-context auto-pre-training semİ-supervised MULTI-task re-"))
                .isEqualTo("in-context autopre-training semİ-supervised MULTItask re-");
    }

    @Test
    void matchesTheReferenceOnRandomTexts() {
        List<String> parts = List.of("auto", "Auto", "PRE", "pre", "post", "non", "co", "multi", "semi", "sub", "un",
                "de", "re", "in", "context", "İ", "ı", "x", "-", "-", "-", " ", " ", "/", "3", "é", "(", ".");
        Random rng = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = rng.nextInt(12); k >= 0; k--) b.append(parts.get(rng.nextInt(parts.size())));
            String text = b.toString();
            assertThat(TermAnalyzer.glueCompoundPrefixes(text)).as(text).isEqualTo(reference(text));
        }
    }
}
