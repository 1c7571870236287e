package paperboy.source;

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return, lone
 * surrogates, U+FFFE and U+FFFF): one of them in a title makes feed.xml unreadable to every feed reader and
 * puts raw control bytes into the pages. Inputs lose them at parse time, with a warning.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    /**
     * @param text    the text without them (form feed and vertical tab became a space, the rest removed)
     * @param removed how many there were
     * @param first   the first one, as "U+0007"
     */
    public record Stripped(String text, int removed, String first) {}

    /** The index of the first character XML does not allow, or -1. */
    public static int firstForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) continue; // nearly every character: one comparison
            if (c == '\t' || c == '\n' || c == '\r') continue;
            if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) return i;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) return i;
        }
        return -1;
    }

    /** The text without the characters XML does not allow. */
    public static Stripped strip(String s) {
        int first = firstForbidden(s);
        if (first < 0) return new Stripped(s, 0, "");
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, first);
        int removed = 0;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (forbidden(c)) {
                removed++;
                if (c == '\f' || c == 0x0B) b.append(' ');
            } else {
                b.append(c);
            }
        }
        return new Stripped(b.toString(), removed, String.format("U+%04X", (int) s.charAt(first)));
    }

    /** A single character XML does not allow (a surrogate here is a lone one: pairs are handled by the caller). */
    private static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c);
    }
}
