package paperboy.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits text into lines however they end, and normalises the white space in each. */
final class Lines {
    // Any Unicode space (NBSP, thin, figure, ideographic...), tabs, and runs of them.
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");
    // Zero-width characters and stray BOMs that copy-paste leaves behind.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");

    private Lines() {}

    /** Lines split on CRLF, LF or lone CR; the line numbers an editor shows are index + 1. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0, n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < n) out.add(text.substring(start));
        return out;
    }

    static String normalize(String line) {
        if (isNormal(line)) return line; // the common case, checked without regexes: parsing is hot at scale
        String s = INVISIBLE.matcher(line).replaceAll("");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** True when {@link #normalize} would return the line unchanged: printable ASCII, single inner spaces. */
    private static boolean isNormal(String line) {
        int n = line.length();
        if (n == 0) return true;
        if (line.charAt(0) == ' ' || line.charAt(n - 1) == ' ') return false;
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e || (c == ' ' && prev == ' ')) return false;
            prev = c;
        }
        return true;
    }
}
