package paperboy.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The regex-free fast paths in {@link Keys} give exactly what the regex definitions give. */
class FastPathsMatchRegexesTest {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    static String words(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static Optional<String> abstractKey(String text) {
        String[] w = words(URL.matcher(text).replaceAll(" ")).split(" ");
        if (w.length < 20) return Optional.empty();
        return Optional.of(Arrays.stream(w).limit(40).collect(Collectors.joining(" ")));
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcXYZ09-:.,é ").ofMinLength(1).ofMaxLength(9);
        Arbitrary<String> special = Arbitraries.of("http://x.org/a", "WWW.site.com", "https:", " ", "  ", "\t", "ﬁ", "Ü");
        return Arbitraries.oneOf(word, word, word, special).list().ofMaxSize(70).map(l -> String.join(" ", l));
    }

    @Property(tries = 2000)
    void titleKey(@ForAll("text") String s) {
        assertThat(Keys.title(s)).isEqualTo(words(s));
    }

    @Property(tries = 2000)
    void abstractKeyMatches(@ForAll("text") String s) {
        assertThat(Keys.abstractText(s)).isEqualTo(abstractKey(s));
    }
}
