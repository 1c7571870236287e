package paperboy.render.data;

import paperboy.render.JsonOut;
import paperboy.render.Output;
import paperboy.render.PaperTexts;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * The offline search index: {@code search/index.json} for tools and {@code search/index.js}, the same data as a
 * script, which the search box loads on first use. A script rather than a fetch because browsers refuse
 * {@code fetch()} of local files, and the site must work opened from {@code file://}.
 *
 * <p>Compact on purpose: per paper its slug, clean title, first-seen date, number of days, theme names and the
 * distinct lower-cased words of its abstract (stop words dropped). Matching and ranking happen in
 * {@code assets/site.js}.
 */
public final class SearchIndex implements Renderer {
    public static final String JSON_PATH = "search/index.json";
    public static final String SCRIPT_PATH = "search/index.js";
    /** The global the script assigns; {@code assets/site.js} reads it. */
    public static final String GLOBAL = "PAPERBOY_SEARCH";
    public static final int VERSION = 1;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have",
            "in", "into", "is", "it", "its", "of", "on", "or", "our", "such", "that", "the", "their", "these",
            "this", "those", "to", "via", "was", "we", "were", "which", "while", "with", "without");

    @Override
    public String name() {
        return "search";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        PaperTexts texts = ctx.texts(digest);
        // Short field names keep the file small: it is downloaded by every reader who searches.
        byte[] json = JsonOut.bytes(false, JSON_PATH, g -> {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeArrayFieldStart("papers");
            for (Paper p : digest.papers()) {
                g.writeStartObject();
                g.writeStringField("s", p.slug());
                g.writeStringField("t", texts.title(p));
                g.writeStringField("d", p.firstSeen().toString());
                g.writeStringField("dl", SHORT.format(p.firstSeen()));
                g.writeNumberField("n", p.days().size());
                g.writeArrayFieldStart("th");
                for (String slug : p.themes()) {
                    Theme t = digest.themesBySlug().get(slug);
                    if (t != null) g.writeString(t.name());
                }
                g.writeEndArray();
                g.writeStringField("w", joinedWords(texts.abstractText(p)));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        byte[] file = Arrays.copyOf(json, json.length + 1);
        file[json.length] = '\n';
        return List.of(new Output(JSON_PATH, file, name()), new Output(SCRIPT_PATH, script(json), name()));
    }

    /**
     * {@code window.GLOBAL=<json>;} with every "</" written "<\/": "</" cannot end the script early here (it is
     * loaded by src), but the file stays safe to inline. Works on the UTF-8 bytes: both are ASCII.
     */
    private static byte[] script(byte[] json) {
        byte[] head = ("window." + GLOBAL + "=").getBytes(StandardCharsets.US_ASCII);
        int slashes = 0;
        for (int i = 0; i + 1 < json.length; i++) if (json[i] == '<' && json[i + 1] == '/') slashes++;
        byte[] out = new byte[head.length + json.length + slashes + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        int o = head.length;
        for (int i = 0; i < json.length; i++) {
            out[o++] = json[i];
            if (json[i] == '<' && i + 1 < json.length && json[i + 1] == '/') out[o++] = '\\';
        }
        out[o++] = ';';
        out[o] = '\n';
        return out;
    }

    /** {@link #words} joined by single spaces, without the intermediate list. */
    static String joinedWords(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Set<String> seen = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        forEachWord(lower, w -> {
            if (seen.add(w)) {
                if (out.length() > 0) out.append(' ');
                out.append(w);
            }
        });
        return out.toString();
    }

    /** Distinct lower-cased words in order of first appearance, without stop words and single letters. */
    static List<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        forEachWord(text.toLowerCase(Locale.ROOT), out::add);
        return List.copyOf(out);
    }

    /**
     * The runs of letters and digits ({@code \\p{L}}, {@code \\p{N}}) of the lower-cased text, in order, that are
     * longer than one character and not stop words. A scan rather than a regular expression split: this runs
     * over every abstract of the site.
     */
    private static void forEachWord(String lower, java.util.function.Consumer<String> action) {
        int n = lower.length();
        int start = -1;
        for (int i = 0; i < n; ) {
            int cp = lower.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                word(lower, start, i, action);
                start = -1;
            }
            i = next;
        }
        if (start >= 0) word(lower, start, n, action);
    }

    private static void word(String text, int from, int to, java.util.function.Consumer<String> action) {
        if (to - from < 2) {
            return;
        }
        String w = text.substring(from, to);
        if (!STOP.contains(w)) action.accept(w);
    }

    private static boolean isWordChar(int cp) {
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }
}
