package paperboy.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes LaTeX debris from abstracts for display: {@code 1\%} becomes {@code 1%}, {@code textbf{F}inetuning}
 * becomes {@code Finetuning}, {@code k^2} becomes {@code k²}, {@code $O(n)$} becomes {@code O(n)}. The model
 * keeps the raw text; this runs where text is shown.
 */
public final class CleanText {
    private static final Pattern ESCAPED = Pattern.compile("\\\\([%&_#$])");
    // Formatting commands whose argument is the text itself; the backslash is often already lost.
    private static final Pattern FORMAT = Pattern.compile(
            "\\\\?\\b(?:textbf|textit|texttt|textsc|textrm|textsf|emph|mathrm|mathbf|mathit|mathcal|mathbb|mathsf|text|boldsymbol|underline)\\{([^{}]*)\\}");
    private static final Pattern SUPERSCRIPT = Pattern.compile("\\^(?:\\{((?:[^{}]|\\{[^{}]*\\})*)\\}|([0-9A-Za-z+\\-]))");
    private static final Pattern SUBSCRIPT_BRACED = Pattern.compile("_\\{([^{}]*)\\}");
    private static final Pattern INLINE_MATH = Pattern.compile("\\$([^$\\n]{1,200})\\$");
    private static final Pattern SYMBOLS = Pattern.compile("\\\\(times|cdot|sim|approx|leq|geq|le|ge|pm|rightarrow|to|infty|alpha|beta|gamma|delta|epsilon|lambda|mu|sigma|theta|tau|ell)\\b");
    // "HyperZcdotZcdotW": \cdot between capitals, its backslash lost on the way.
    private static final Pattern BARE_CDOT = Pattern.compile("(?<=\\p{Lu})cdot(?=\\p{Lu})");
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private static final String SUPER_FROM = "0123456789+-=()ni";
    private static final String SUPER_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ";
    private static final String SUB_FROM = "0123456789+-=()";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";

    private CleanText() {}

    public static String clean(String raw) {
        // Each pass runs only when its pattern could match: most text has no LaTeX at all, and these regexes
        // dominated the profile of a large build. The checks look at the text as it is at that step, so the
        // result is exactly that of running every pass.
        String s = raw;
        if (s.indexOf('$') >= 0) s = INLINE_MATH.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        boolean backslash = s.indexOf('\\') >= 0;
        if (backslash) s = ESCAPED.matcher(s).replaceAll("$1");
        if (mayHaveFormat(s)) s = replaceUntilStable(FORMAT, s);
        if (backslash) s = SYMBOLS.matcher(s).replaceAll(m -> symbol(m.group(1)));
        if (s.contains("cdot")) s = BARE_CDOT.matcher(s).replaceAll("·");
        if (s.indexOf('^') >= 0) {
            s = SUPERSCRIPT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    script(m.group(1) != null ? m.group(1) : m.group(2), SUPER_FROM, SUPER_TO, "^")));
        }
        if (s.contains("_{")) {
            s = SUBSCRIPT_BRACED.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    script(m.group(1), SUB_FROM, SUB_TO, "_")));
        }
        if (s.contains("  ")) s = SPACES.matcher(s).replaceAll(" ");
        return s.strip();
    }

    private static final String[] FORMAT_NAMES = {"textbf", "textit", "texttt", "textsc", "textrm", "textsf", "emph",
        "mathrm", "mathbf", "mathit", "mathcal", "mathbb", "mathsf", "text", "boldsymbol", "underline"};

    /** True when some "{" follows one of the {@link #FORMAT} command names: the pattern cannot match otherwise. */
    private static boolean mayHaveFormat(String s) {
        for (int i = s.indexOf('{'); i >= 0; i = s.indexOf('{', i + 1)) {
            for (String name : FORMAT_NAMES) {
                if (i >= name.length() && s.startsWith(name, i - name.length())) return true;
            }
        }
        return false;
    }

    private static String replaceUntilStable(Pattern p, String s) {
        String prev;
        do {
            prev = s;
            s = p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        } while (!s.equals(prev));
        return s;
    }

    /** Unicode super/subscript where every character has one ({@code k²}); else a readable {@code ^(4/3)}. */
    private static String script(String body, String from, String to, String marker) {
        String text = replaceUntilStable(BRACES, body).strip();
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            int i = from.indexOf(c);
            if (i < 0) return text.length() == 1 ? marker + text : marker + "(" + text + ")";
            out.append(to.charAt(i));
        }
        return out.toString();
    }

    private static String symbol(String name) {
        return switch (name) {
            case "times" -> "×";
            case "cdot" -> "·";
            case "sim", "approx" -> "≈";
            case "leq", "le" -> "≤";
            case "geq", "ge" -> "≥";
            case "pm" -> "±";
            case "rightarrow", "to" -> "→";
            case "infty" -> "∞";
            case "alpha" -> "α";
            case "beta" -> "β";
            case "gamma" -> "γ";
            case "delta" -> "δ";
            case "epsilon" -> "ε";
            case "lambda" -> "λ";
            case "mu" -> "μ";
            case "sigma" -> "σ";
            case "theta" -> "θ";
            case "tau" -> "τ";
            default -> "ℓ";
        };
    }
}
