package paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

/** {@link Lines#normalize}'s fast path gives exactly what its regexes give. */
class NormalizeFastPathTest {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");

    @Property(tries = 3000)
    void sameAsRegexes(@ForAll @Chars({' ', '\t', '\u00A0', '\u200B', '\u2028', '\u001F', '~', 'é'})
                       @CharRange(from = 'a', to = 'e') String s) {
        String expected = SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").strip();
        assertThat(Lines.normalize(s)).isEqualTo(expected);
    }
}
