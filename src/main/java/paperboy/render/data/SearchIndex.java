package paperboy.render.data;

import paperboy.render.ArchiveDays;
import paperboy.render.JsonOut;
import paperboy.render.Output;
import paperboy.render.PaperTexts;
import paperboy.render.RenderContext;
import paperboy.render.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import paperboy.render.Renderer;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.function.Consumer;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * The offline search index, split the way Pagefind splits its own: a small manifest, then only the pieces a
 * query needs. Every file is a script that hands its data to {@code PAPERBOY_SEARCH(key, data)} (defined by
 * {@code assets/site.js}), loaded by a {@code <script>} tag: browsers refuse {@code fetch()} of local files, and
 * the site must work opened from {@code file://}.
 *
 * <ul>
 * <li>{@code search/manifest.js}: number of papers, theme names, the first paper of every month (papers are
 *     numbered in the order they were first seen, so a date range is a range of numbers) and, per part, the
 *     first word of every word shard.</li>
 * <li>{@code search/<part>/<n>.js}: word shards, words in sorted order, each word with the papers whose text
 *     (title, abstract, theme names) holds it and those whose title does. Part {@code a} holds the papers
 *     first seen before the latest month, part {@code r} those of the latest month, so a new day rewrites
 *     only the small recent part.</li>
 * <li>{@code search/docs/<n>.js}: what a result shows (slug, title, first-seen date, days listed, themes) for
 *     {@value #DOCS_PER_CHUNK} papers, loaded only for the results on screen.</li>
 * <li>{@code search/themes/<i>.js}: the papers of theme {@code i}, loaded when the theme filter is used.</li>
 * </ul>
 *
 * A list of paper numbers is written as gaps in a variable-length base-32 code over 64 URL-safe characters
 * (a character at or above 32 says more digits follow), or, when shorter, as a bitmap of 6 papers per character
 * after a {@code *}. A word in every other paper thus costs a sixth of a byte per paper of its part.
 */
public final class SearchIndex implements Renderer {
    public static final String MANIFEST_PATH = "search/manifest.js";
    /** The callback every index file calls; {@code assets/site.js} defines it. */
    public static final String GLOBAL = "PAPERBOY_SEARCH";
    public static final int VERSION = 2;
    public static final int DOCS_PER_CHUNK = 32;
    /** A word shard closes before it passes this many bytes (one word's lists may pass it alone). */
    static final int SHARD_BYTES = 32 * 1024;
    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have",
            "in", "into", "is", "it", "its", "of", "on", "or", "our", "such", "that", "the", "their", "these",
            "this", "those", "to", "via", "was", "we", "were", "which", "while", "with", "without");

    @Override
    public String name() {
        return "search";
    }

    /** The latest month's word shards: re-cut whenever a paper joins them. */
    @Override
    public List<String> rewrittenWhole() {
        return List.of("search/r/");
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        List<Output> out = new ArrayList<>();
        render(digest, ctx, out::add);
        return out;
    }

    @Override
    public void render(Digest digest, RenderContext ctx, Consumer<Output> out) {
        PaperTexts texts = ctx.texts(digest);
        List<Paper> docs = ctx.inFirstSeenOrder(digest);
        List<Theme> themes = digest.themes();
        Map<String, Integer> themeIndex = new HashMap<>();
        for (int i = 0; i < themes.size(); i++) themeIndex.put(themes.get(i).slug(), i);

        // Documents, in chunks.
        Scope scope = ctx.scope();
        ArchiveDays days = ctx.days(digest);
        // A scoped build finds the chunks of its papers from their first days, reading no other paper.
        Optional<Set<Integer>> chunks = days.fromKeptIndex() ? chunksOf(scope.papers(), digest, docs, days)
                : Optional.empty();
        for (int from = 0; from < docs.size(); from += DOCS_PER_CHUNK) {
            int c = from / DOCS_PER_CHUNK;
            if (chunks.isPresent() && !chunks.get().contains(c)) continue;
            List<Paper> chunk = docs.subList(from, Math.min(docs.size(), from + DOCS_PER_CHUNK));
            if (chunks.isEmpty() && !scope.anyPaper(chunk.stream().map(Paper::slug).toList())) continue;
            out.accept(new Output("search/docs/" + c + ".js", script("d" + c, json("search docs", g -> {
                g.writeStartArray();
                for (Paper p : chunk) {
                    g.writeStartArray();
                    g.writeString(p.slug());
                    g.writeString(texts.title(p));
                    g.writeString(p.firstSeen().toString());
                    g.writeNumber(p.days().size());
                    g.writeStartArray();
                    for (String t : p.themes()) {
                        Integer i = themeIndex.get(t);
                        if (i != null) g.writeNumber(i);
                    }
                    g.writeEndArray();
                    g.writeEndArray();
                }
                g.writeEndArray();
            })), name()));
        }
        // Themes' paper lists, for the theme filter: one pass over the papers' themes, not a lookup per member.
        // Every theme's list, in every build: a list written as a bitmap spans every paper, so it grows with each.
        int[][] members = new int[themes.size()][];
        int[] count = new int[themes.size()];
        for (int i = 0; i < themes.size(); i++) members[i] = new int[16];
        // A scoped build starts from the kept lists (the themes of earlier papers stay put) and adds the new papers.
        Optional<JsonNode> keptManifest = scope.everything() ? Optional.empty() : keptManifest(scope);
        int keptDocs = keptManifest.map(m -> keptMembers(scope, m, themes.size(), docs.size(), members, count))
                .orElse(0);
        for (int id = keptDocs; id < docs.size(); id++) {
            for (String t : docs.get(id).themes()) {
                Integer i = themeIndex.get(t);
                if (i == null) continue;
                if (count[i] == members[i].length) members[i] = java.util.Arrays.copyOf(members[i], count[i] * 2);
                members[i][count[i]++] = id;
            }
        }
        for (int i = 0; i < themes.size(); i++) {
            String list = encode(members[i], count[i], 0, docs.size());
            out.accept(new Output("search/themes/" + i + ".js", script("h" + i, json("search themes",
                    g -> g.writeString(list))), name()));
        }
        // Word shards, in two parts: before the latest month, and the latest month.
        // The months' first papers, from the days' counts in a scoped build (no paper read), else from the papers.
        TreeMap<String, Integer> months = new TreeMap<>();
        int split = docs.size();
        if (days.fromKeptIndex() && days.firstSeenStart(days.size()) == docs.size()) {
            days.firstSeenByMonth().forEach((m, range) -> months.put(m.toString(), range[0]));
            if (!months.isEmpty()) split = months.lastEntry().getValue();
        } else {
            for (int i = docs.size() - 1; i >= 0; i--) months.put(YearMonth.from(docs.get(i).firstSeen()).toString(), i);
            if (!docs.isEmpty()) {
                YearMonth latest = YearMonth.from(docs.get(docs.size() - 1).firstSeen());
                while (split > 0 && YearMonth.from(docs.get(split - 1).firstSeen()).equals(latest)) split--;
            }
        }
        List<Part> parts = new ArrayList<>();
        if (split > 0) {
            // The papers of earlier months change only when the themes are refitted, which a scoped build never
            // sees: it keeps their shards and takes their keys from the manifest it keeps.
            int to = split;
            parts.add(scope.everything() ? part("a", docs, 0, split, digest, texts, out)
                    : keptManifest.flatMap(m -> keptPart(m, "a", 0, to))
                            .orElseGet(() -> part("a", docs, 0, to, digest, texts, out)));
        }
        if (split < docs.size()) parts.add(part("r", docs, split, docs.size(), digest, texts, out));

        // The manifest.
        out.accept(new Output(MANIFEST_PATH, script("m", json("search manifest", g -> {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeNumberField("docs", docs.size());
            g.writeNumberField("chunk", DOCS_PER_CHUNK);
            g.writeArrayFieldStart("themes");
            for (Theme t : themes) g.writeString(t.name());
            g.writeEndArray();
            g.writeArrayFieldStart("months");
            for (var m : months.entrySet()) {
                g.writeStartArray();
                g.writeString(m.getKey());
                g.writeNumber(m.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("parts");
            for (Part p : parts) {
                g.writeStartObject();
                g.writeStringField("id", p.id);
                g.writeNumberField("from", p.from);
                g.writeNumberField("to", p.to);
                g.writeArrayFieldStart("keys");
                for (String k : p.keys) g.writeString(k);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        })), name()));
    }

    private record Part(String id, int from, int to, List<String> keys) {}

    /** The kept manifest, when it is one of this version. */
    private static Optional<JsonNode> keptManifest(Scope scope) {
        return scope.kept().read(MANIFEST_PATH).flatMap(bytes -> keptScript(bytes, "m"))
                .filter(m -> m.path("v").asInt() == VERSION);
    }

    /** The JSON a kept index file hands to {@link #GLOBAL} under {@code key}. */
    private static Optional<JsonNode> keptScript(byte[] bytes, String key) {
        String js = new String(bytes, StandardCharsets.UTF_8).strip();
        String head = GLOBAL + "(\"" + key + "\",";
        if (!js.startsWith(head) || !js.endsWith(");")) return Optional.empty();
        try {
            // script() escapes "</" as "<\/", which JSON reads back as "</".
            return Optional.of(new ObjectMapper().readTree(js.substring(head.length(), js.length() - 2)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The part {@code id} as the kept manifest describes it, when it covers the same papers. */
    private static Optional<Part> keptPart(JsonNode m, String id, int from, int to) {
        for (JsonNode p : m.path("parts")) {
            if (!p.path("id").asText().equals(id) || p.path("from").asInt() != from || p.path("to").asInt() != to) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            p.path("keys").forEach(k -> keys.add(k.asText()));
            return Optional.of(new Part(id, from, to, keys));
        }
        return Optional.empty();
    }

    /**
     * Fills {@code members} with the kept themes' lists, which name the papers the kept manifest counted; returns
     * how many that is, or 0 (the lists left empty) when a list is missing or the count does not fit.
     */
    private static int keptMembers(Scope scope, JsonNode manifest, int themes, int docs, int[][] members, int[] count) {
        int kept = manifest.path("docs").asInt(-1);
        if (kept < 0 || kept > docs || manifest.path("themes").size() != themes) return 0;
        int[][] lists = new int[themes][];
        for (int i = 0; i < themes; i++) {
            String key = "h" + i;
            Optional<JsonNode> list = scope.kept().read("search/themes/" + i + ".js").flatMap(b -> keptScript(b, key));
            if (list.isEmpty() || !list.get().isTextual()) return 0;
            lists[i] = decode(list.get().asText(), kept).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < themes; i++) {
            members[i] = java.util.Arrays.copyOf(lists[i], Math.max(16, lists[i].length * 2));
            count[i] = lists[i].length;
        }
        return kept;
    }

    /**
     * The document chunks that hold {@code slugs}: each paper's place found from the day it was first seen (its
     * part of the order starts at that day's count of earlier new papers). Empty when a place does not check out.
     */
    private static Optional<Set<Integer>> chunksOf(Set<String> slugs, Digest digest, List<Paper> docs, ArchiveDays days) {
        if (days.firstSeenStart(days.size()) != docs.size()) return Optional.empty();
        Set<Integer> chunks = new HashSet<>();
        for (String slug : slugs) {
            Paper p = digest.papersBySlug().get(slug);
            if (p == null) continue;
            java.util.OptionalInt day = days.indexOf(p.firstSeen());
            if (day.isEmpty()) return Optional.empty();
            int at = days.firstSeenStart(day.getAsInt());
            boolean found = false;
            for (var l : days.day(day.getAsInt()).listings()) {
                if (l.paperSlug().equals(slug)) {
                    found = true;
                    break;
                }
                if (l.isNew()) at++;
            }
            if (!found || at >= docs.size() || !docs.get(at).slug().equals(slug)) return Optional.empty();
            chunks.add(at / DOCS_PER_CHUNK);
        }
        return Optional.of(chunks);
    }

    /** One part's word shards, added to {@code out}; returns the part with the first word of each shard. */
    private Part part(String id, List<Paper> docs, int from, int to, Digest digest, PaperTexts texts,
                      Consumer<Output> out) {
        int size = to - from;
        // Each paper's words as numbers, on every core: twice the word's number, plus one when its title has it.
        // Numbered in whatever order the threads meet them: only the sorted words reach the files.
        Map<String, Integer> numbers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        int[][] wordsOf = new int[size][];
        IntStream.range(0, size).parallel().forEach(local -> {
            Paper p = docs.get(from + local);
            Set<String> title = new HashSet<>();
            forEachWord(texts.title(p).toLowerCase(Locale.ROOT), title::add);
            Set<String> body = new HashSet<>(title);
            forEachWord(texts.abstractText(p).toLowerCase(Locale.ROOT), body::add);
            for (String t : p.themes()) {
                Theme theme = digest.themesBySlug().get(t);
                if (theme != null) forEachWord(theme.name().toLowerCase(Locale.ROOT), body::add);
            }
            int[] coded = new int[body.size()];
            int i = 0;
            for (String w : body) {
                Integer n = numbers.get(w);
                if (n == null) n = numbers.computeIfAbsent(w, k -> next.getAndIncrement());
                coded[i++] = 2 * n + (title.contains(w) ? 1 : 0);
            }
            wordsOf[local] = coded;
        });
        // Postings by a counting sort over the papers in order, rather than a growing list per word: one pass
        // over two flat arrays instead of a cache miss per word of every abstract.
        String[] words = new String[next.get()];
        numbers.forEach((w, n) -> words[n] = w);
        int[] start = new int[words.length + 1];
        for (int[] coded : wordsOf) for (int c : coded) start[(c >>> 1) + 1]++;
        for (int w = 0; w < words.length; w++) start[w + 1] += start[w];
        int[] postings = new int[start[words.length]];
        int[] fill = java.util.Arrays.copyOf(start, words.length);
        for (int local = 0; local < size; local++) {
            for (int c : wordsOf[local]) postings[fill[c >>> 1]++] = 2 * local + (c & 1);
            wordsOf[local] = null;
        }
        Integer[] order = new Integer[words.length];
        for (int w = 0; w < words.length; w++) order[w] = w;
        java.util.Arrays.sort(order, (x, y) -> words[x].compareTo(words[y]));

        List<String> keys = new ArrayList<>();
        StringBuilder shard = new StringBuilder();
        String first = null;
        int[] body = new int[size], title = new int[size];
        for (int w : order) {
            int nBody = 0, nTitle = 0;
            for (int k = start[w]; k < start[w + 1]; k++) {
                int local = postings[k] >>> 1;
                body[nBody++] = local;
                if ((postings[k] & 1) != 0) title[nTitle++] = local;
            }
            String entry = entry(words[w], body, nBody, title, nTitle, size);
            if (first != null && shard.length() + entry.length() > SHARD_BYTES) {
                out.accept(shardOutput(id, keys.size(), shard));
                keys.add(first);
                shard.setLength(0);
                first = null;
            }
            if (first == null) first = words[w];
            shard.append(shard.length() == 0 ? "{" : ",").append(entry);
        }
        if (first != null) {
            out.accept(shardOutput(id, keys.size(), shard));
            keys.add(first);
        }
        return new Part(id, from, to, keys);
    }

    private Output shardOutput(String part, int n, StringBuilder shard) {
        String body = shard.append('}').toString();
        return new Output("search/" + part + "/" + n + ".js", script("t" + part + "/" + n,
                body.getBytes(StandardCharsets.UTF_8)), name());
    }

    /** {@code "word":["body"]} or {@code "word":["body","title"]}: the papers holding it, and those whose title does. */
    private static String entry(String word, int[] body, int nBody, int[] title, int nTitle, int size) {
        // A word is letters and digits only (forEachWord), none of which JSON escapes: quoted as it is.
        StringBuilder s = new StringBuilder(word.length() + 16).append('"').append(word).append("\":[\"")
                .append(encode(body, nBody, 0, size)).append('"');
        if (nTitle > 0) s.append(",\"").append(encode(title, nTitle, 0, size)).append('"');
        return s.append(']').toString();
    }

    /**
     * The ascending numbers {@code ids[0..n)}, each minus {@code base}, in {@code [0, universe)}: as gaps in
     * base 32 or as a bitmap, whichever is shorter. Package-visible for the tests, which decode it as site.js does.
     */
    static String encode(int[] ids, int n, int base, int universe) {
        int bitmapLength = 1 + (universe + 5) / 6;
        StringBuilder gaps = new StringBuilder();
        int prev = -1;
        for (int i = 0; i < n && gaps.length() < bitmapLength; i++) {
            int v = ids[i] - base;
            appendNumber(gaps, v - prev - 1);
            prev = v;
        }
        if (gaps.length() < bitmapLength) return gaps.toString();
        char[] bits = new char[(universe + 5) / 6];
        int[] values = new int[bits.length];
        for (int i = 0; i < n; i++) {
            int v = ids[i] - base;
            values[v / 6] |= 1 << (v % 6);
        }
        for (int i = 0; i < bits.length; i++) bits[i] = DIGITS.charAt(values[i]);
        return "*" + new String(bits);
    }

    /** Most significant 5-bit group first; every group but the last is written as 32 + its value. */
    private static void appendNumber(StringBuilder out, int v) {
        int groups = 1;
        for (int x = v >>> 5; x > 0; x >>>= 5) groups++;
        for (int g = groups - 1; g >= 0; g--) {
            int digit = (v >>> (5 * g)) & 31;
            out.append(DIGITS.charAt(g > 0 ? 32 + digit : digit));
        }
    }

    /** The inverse of {@link #encode}, for tests. */
    static List<Integer> decode(String s, int universe) {
        List<Integer> out = new ArrayList<>();
        if (s.startsWith("*")) {
            for (int i = 1; i < s.length(); i++) {
                int bits = DIGITS.indexOf(s.charAt(i));
                for (int b = 0; b < 6; b++) if ((bits & (1 << b)) != 0) out.add((i - 1) * 6 + b);
            }
            return out;
        }
        int prev = -1, v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = DIGITS.indexOf(s.charAt(i));
            if (d >= 32) {
                v = v * 32 + (d - 32);
            } else {
                v = v * 32 + d;
                prev = prev + v + 1;
                out.add(prev);
                v = 0;
            }
        }
        return out;
    }

    private static byte[] json(String what, JsonOut.Body body) {
        return JsonOut.bytes(false, what, body);
    }

    /**
     * {@code GLOBAL("key",<json>);} with every "</" written "<\/": "</" cannot end the script early here (it is
     * loaded by src), but the file stays safe to inline. Works on the UTF-8 bytes: both are ASCII.
     */
    static byte[] script(String key, byte[] json) {
        byte[] head = (GLOBAL + "(\"" + key + "\",").getBytes(StandardCharsets.US_ASCII);
        int slashes = 0;
        for (int i = 0; i + 1 < json.length; i++) if (json[i] == '<' && json[i + 1] == '/') slashes++;
        byte[] out = new byte[head.length + json.length + slashes + 3];
        System.arraycopy(head, 0, out, 0, head.length);
        int o = head.length;
        for (int i = 0; i < json.length; i++) {
            out[o++] = json[i];
            if (json[i] == '<' && i + 1 < json.length && json[i + 1] == '/') out[o++] = '\\';
        }
        out[o++] = ')';
        out[o++] = ';';
        out[o] = '\n';
        return out;
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
