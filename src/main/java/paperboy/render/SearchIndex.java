package paperboy.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
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
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have",
            "in", "into", "is", "it", "its", "of", "on", "or", "our", "such", "that", "the", "their", "these",
            "this", "those", "to", "via", "was", "we", "were", "which", "while", "with", "without");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One paper. Short names keep the file small: it is downloaded by every reader who searches. */
    record Entry(String s, String t, String d, String dl, int n, List<String> th, String w) {}

    record Index(int v, List<Entry> papers) {}

    @Override
    public String name() {
        return "search";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        List<Entry> entries = new ArrayList<>();
        for (Paper p : digest.papers()) {
            List<String> themes = p.themes().stream().flatMap(slug -> digest.theme(slug).stream())
                    .map(Theme::name).toList();
            entries.add(new Entry(p.slug(), Views.cleanTitle(p), p.firstSeen().toString(),
                    SHORT.format(p.firstSeen()), p.days().size(), themes, String.join(" ", words(Views.cleanAbstract(p)))));
        }
        try {
            String json = JSON.writeValueAsString(new Index(VERSION, entries));
            // "</" cannot end the script early here (it is loaded by src), but keep the file safe to inline.
            String script = "window." + GLOBAL + "=" + json.replace("</", "<\\/") + ";\n";
            return List.of(
                    new Output(JSON_PATH, (json + "\n").getBytes(StandardCharsets.UTF_8), name()),
                    Output.text(SCRIPT_PATH, script, name()));
        } catch (JsonProcessingException e) {
            throw new RenderException("cannot write the search index: " + e.getMessage(), e);
        }
    }

    /** Distinct lower-cased words in order of first appearance, without stop words and single letters. */
    static List<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (w.length() > 1 && !STOP.contains(w)) out.add(w);
        }
        return List.copyOf(out);
    }
}
