package paperboy.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link CleanText#clean} skips passes that cannot match; the result must be that of running them all. */
class CleanTextFastPathTest {

    /** Every pass run unconditionally, through the same patterns (read reflectively to stay in step). */
    static String allPasses(String raw) throws Exception {
        String s = pattern("INLINE_MATH").matcher(raw).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = pattern("ESCAPED").matcher(s).replaceAll("$1");
        String prev;
        do {
            prev = s;
            s = pattern("FORMAT").matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        } while (!s.equals(prev));
        String before = s;
        s = pattern("SYMBOLS").matcher(s).replaceAll("\u0000$1\u0000"); // compared below only for no-match
        if (!s.equals(before)) return null; // symbols present: the fast path runs that pass anyway
        s = pattern("BARE_CDOT").matcher(s).replaceAll("·");
        if (pattern("SUPERSCRIPT").matcher(s).find() || pattern("SUBSCRIPT_BRACED").matcher(s).find()) return null;
        return pattern("SPACES").matcher(s).replaceAll(" ").strip();
    }

    private static Pattern pattern(String name) throws Exception {
        var f = CleanText.class.getDeclaredField(name);
        f.setAccessible(true);
        return (Pattern) f.get(null);
    }

    @Provide
    Arbitrary<String> latexish() {
        return Arbitraries.of("a", "b ", "  ", "$x$", "\\%", "\\textbf{F}", "textit{y}", "{", "}", "^2", "_{3}",
                "cdot", "ZcdotW", "\\times", "$", "\\", "k^{2}", "x").list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void sameAsEveryPass(@ForAll("latexish") String s) throws Exception {
        String expected = allPasses(s);
        if (expected != null) assertThat(CleanText.clean(s)).isEqualTo(expected);
    }
}
