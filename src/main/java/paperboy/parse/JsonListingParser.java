package paperboy.parse;

import paperboy.problems.Problems;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import paperboy.model.SourceRef;

/**
 * Reads a {@code .json} listing, telling two kinds apart by content:
 * <ul>
 *   <li>a <b>JSON Feed</b> (an object whose {@code version} is {@code https://jsonfeed.org/version/...}): each item
 *       is a paper, listed on the calendar date written in its {@code date_published}; one file may hold many days;</li>
 *   <li>a <b>Hugging Face daily papers</b> list: a JSON array of {@code {"paper": {id, title, summary, authors, upvotes}}}
 *       as the daily-papers API returns it, or an object {@code {"date": "2025-03-14", "papers": [...]}}. The
 *       listing date is the wrapper's {@code date}, else the first ISO date in the file name
 *       ({@code 2025-03-14.json}); {@code publishedAt} is arXiv's date, not the listing's, so it is not used.</li>
 * </ul>
 * Items are located by line and column so problems point at them.
 */
public final class JsonListingParser {
    /** Made on the first JSON input: a text-only content folder never loads Jackson's data binding. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/";

    /** One element of an array, with where it starts. */
    private record Item(JsonNode node, SourceRef at, int index) {}

    /** The top level: either an array of items, or an object's fields with its one array of items. */
    private record Doc(Map<String, JsonNode> fields, Map<String, SourceRef> fieldAt, List<Item> items,
                       boolean topLevelArray) {}

    public List<Snapshot> parse(Path file, String text, Problems problems) {
        if (text.stripLeading().startsWith("<")) {
            problems.error(SourceRef.of(file, 1), "this looks like HTML or XML, not JSON: save a listing page as .html");
            return List.of();
        }
        Doc doc;
        try (JsonParser p = Mapper.JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.error(SourceRef.of(file, 1), "empty file: expected a JSON Feed or a Hugging Face daily papers list");
                return List.of();
            }
            doc = switch (first) {
                case START_ARRAY -> new Doc(Map.of(), Map.of(), items(file, p), true);
                case START_OBJECT -> object(file, p);
                default -> null;
            };
            if (doc == null) {
                problems.error(at(file, p.currentTokenLocation()), "expected a JSON object or array, found " + first.asString());
                return List.of();
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                problems.error(at(file, p.currentTokenLocation()), "unexpected content after the end of the JSON document");
                return List.of();
            }
        } catch (JsonProcessingException e) {
            problems.error(at(file, e.getLocation()), "invalid JSON: " + plain(e));
            return List.of();
        } catch (IOException e) {
            problems.error(SourceRef.file(file), "cannot read: " + e.getMessage());
            return List.of();
        }
        JsonNode version = doc.fields.get("version");
        if (version != null && version.isTextual() && version.asText().startsWith(JSON_FEED_VERSION)) {
            return jsonFeed(file, doc, problems);
        }
        if (doc.topLevelArray || doc.fields.containsKey("papers")) {
            return huggingFace(file, doc, problems);
        }
        problems.error(SourceRef.of(file, 1), "not a listing: expected a JSON Feed (\"version\": \"" + JSON_FEED_VERSION
                + "1.1\", \"items\": [...]) or a Hugging Face daily papers list ([{\"paper\": {...}}, ...] or "
                + "{\"date\": \"2025-03-14\", \"papers\": [...]})");
        return List.of();
    }

    // ---- Hugging Face daily papers ----

    private List<Snapshot> huggingFace(Path file, Doc doc, Problems problems) {
        if (!doc.topLevelArray && !doc.fields.get("papers").isArray()) {
            problems.error(doc.fieldAt.get("papers"), "\"papers\" must be an array of {\"paper\": {...}} objects");
            return List.of();
        }
        Optional<LocalDate> date = hfDate(file, doc, problems);
        List<RawEntry> entries = new ArrayList<>();
        for (Item it : doc.items) {
            if (!it.node.isObject()) {
                problems.error(it.at, "papers[" + it.index + "]: expected an object with a \"paper\", found " + kind(it.node));
                continue;
            }
            JsonNode paper = it.node.path("paper");
            if (!paper.isObject()) {
                problems.error(it.at, "papers[" + it.index + "]: no \"paper\" object");
                continue;
            }
            Optional<String> title = text(paper, "title").or(() -> text(it.node, "title"));
            if (title.isEmpty()) {
                problems.error(it.at, "papers[" + it.index + "]: " + notText(paper.has("title") ? paper : it.node, "title",
                        "the paper has no \"title\""));
                continue;
            }
            Optional<String> summary = text(paper, "summary").or(() -> text(it.node, "summary"));
            Optional<String> id = text(paper, "id").flatMap(raw -> {
                Optional<String> bare = ArxivIds.bare(raw);
                if (bare.isEmpty()) {
                    problems.warning(it.at, "papers[" + it.index + "]: \"" + raw + "\" is not an arXiv id; ignored");
                }
                return bare;
            });
            if (summary.isEmpty()) {
                problems.warning(it.at, "papers[" + it.index + "]: no \"summary\"; shown without abstract");
            }
            entries.add(new RawEntry(Lines.normalize(title.get()), summary.map(Lines::normalize), it.at, id,
                    names(paper.path("authors")), upvotes(paper.has("upvotes") ? paper : it.node, it, problems)));
        }
        if (doc.items.isEmpty()) problems.warning(SourceRef.of(file, 1), "no papers in the list");
        return date.map(d -> List.of(new Snapshot(file, d, entries))).orElse(List.of());
    }

    /**
     * The paper's {@code upvotes} (the API puts it in {@code paper}), a count of 0 or more; missing or null is no
     * count. Anything else is a warning at the item and the paper is kept without a count.
     */
    private static OptionalInt upvotes(JsonNode node, Item it, Problems problems) {
        JsonNode v = node.get("upvotes");
        if (v == null || v.isNull()) return OptionalInt.empty();
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt() && v.asInt() >= 0) {
            return OptionalInt.of(v.asInt());
        }
        String what = v.isNumber() ? v.asText() : v.isTextual() ? "text (\"" + v.asText() + "\")"
                : v.isBoolean() ? "true or false" : "an " + kind(v);
        problems.warning(it.at, "papers[" + it.index + "]: \"upvotes\" is " + what
                + ", not a count (a whole number, 0 or more); shown without upvotes");
        return OptionalInt.empty();
    }

    private static Optional<LocalDate> hfDate(Path file, Doc doc, Problems problems) {
        JsonNode date = doc.fields.get("date");
        if (date != null) {
            SourceRef at = doc.fieldAt.get("date");
            Optional<LocalDate> d = date.isTextual() ? ListingDates.firstIso(date.asText()) : Optional.empty();
            if (d.isEmpty()) problems.error(at, "\"date\" must be the listing day as \"YYYY-MM-DD\", found " + date);
            return d.flatMap(day -> ListingDates.inYears(day, "\"date\": " + date, at, problems));
        }
        Optional<LocalDate> fromName = ListingDates.fromFileName(file);
        if (fromName.isEmpty()) {
            problems.error(SourceRef.of(file, 1), "no listing date: name the file after its day (2025-03-14.json) or "
                    + "wrap the list as {\"date\": \"2025-03-14\", \"papers\": [...]}");
        }
        return fromName.flatMap(day -> ListingDates.inYears(day, "the date in the file name (" + day + ")",
                SourceRef.of(file, 1), problems));
    }

    // ---- JSON Feed ----

    private List<Snapshot> jsonFeed(Path file, Doc doc, Problems problems) {
        if (!doc.fields.containsKey("items") || !doc.fields.get("items").isArray()) {
            problems.error(doc.fieldAt.getOrDefault("items", SourceRef.of(file, 1)),
                    "a JSON Feed needs an \"items\" array");
            return List.of();
        }
        Map<LocalDate, List<RawEntry>> byDay = new TreeMap<>();
        for (Item it : doc.items) {
            String where = "items[" + it.index + "]";
            if (!it.node.isObject()) {
                problems.error(it.at, where + ": expected an object, found " + kind(it.node));
                continue;
            }
            Optional<String> title = text(it.node, "title");
            if (title.isEmpty()) {
                problems.error(it.at, where + ": " + notText(it.node, "title", "no \"title\"; a listing needs the paper's title"));
                continue;
            }
            Optional<String> published = text(it.node, "date_published");
            if (published.isEmpty()) {
                problems.error(it.at, where + ": no \"date_published\"; it gives the day the paper was listed");
                continue;
            }
            Optional<LocalDate> day = feedDate(published.get());
            if (day.isEmpty()) {
                problems.error(it.at, where + ": \"date_published\" is not an RFC 3339 date: \"" + published.get() + "\"");
                continue;
            }
            day = ListingDates.inYears(day.get(), where + ": \"date_published\": \"" + published.get() + "\"", it.at, problems);
            if (day.isEmpty()) continue;
            Optional<String> abs = text(it.node, "content_text")
                    .or(() -> text(it.node, "summary"))
                    .or(() -> text(it.node, "content_html").map(h -> Jsoup.parse(h).text()))
                    .filter(s -> !s.isBlank());
            if (abs.isEmpty()) problems.warning(it.at, where + ": no content_text or summary; shown without abstract");
            Optional<String> id = text(it.node, "external_url").flatMap(ArxivIds::find)
                    .or(() -> text(it.node, "url").flatMap(ArxivIds::find))
                    .or(() -> text(it.node, "id").flatMap(ArxivIds::find));
            List<String> authors = names(it.node.path("authors"));
            if (authors.isEmpty()) authors = names(it.node.path("author")); // JSON Feed 1.0
            byDay.computeIfAbsent(day.get(), k -> new ArrayList<>())
                    .add(new RawEntry(Lines.normalize(title.get()), abs.map(Lines::normalize), it.at, id, authors));
        }
        if (doc.items.isEmpty()) problems.warning(SourceRef.of(file, 1), "no items in the feed");
        return byDay.entrySet().stream().map(e -> new Snapshot(file, e.getKey(), e.getValue())).toList();
    }

    /** The calendar date as written ("2025-03-14T09:00:00-05:00" is the 14th), not shifted to another zone. */
    private static Optional<LocalDate> feedDate(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toLocalDate());
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDate.parse(text.strip()));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }

    // ---- reading with locations ----

    private static Doc object(Path file, JsonParser p) throws IOException {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, SourceRef> fieldAt = new LinkedHashMap<>();
        List<Item> items = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            fieldAt.put(name, at(file, p.currentTokenLocation()));
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && (name.equals("items") || name.equals("papers"))) {
                items = items(file, p);
                fields.put(name, Mapper.JSON.createArrayNode());
            } else {
                fields.put(name, Mapper.JSON.readTree(p));
            }
        }
        return new Doc(fields, fieldAt, items, false);
    }

    /** Reads an array whose START_ARRAY is the current token, noting where each element starts. */
    private static List<Item> items(Path file, JsonParser p) throws IOException {
        List<Item> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            SourceRef at = at(file, p.currentTokenLocation());
            items.add(new Item(Mapper.JSON.readTree(p), at, items.size()));
        }
        return items;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** Names from [{"name": ...}], ["name", ...] or {"name": ...}. */
    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) node = Mapper.JSON.createArrayNode().add(node);
        for (JsonNode a : node) {
            Optional<String> n = a.isTextual() ? Optional.of(a.asText()) : text(a, "name");
            n.map(Lines::normalize).filter(s -> !s.isEmpty()).ifPresent(out::add);
        }
        return out;
    }

    /** Why {@code field} gives no text: a value of another kind said as such, else {@code missing}. */
    private static String notText(JsonNode node, String field, String missing) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return missing;
        if (v.isTextual()) return "\"" + field + "\" is empty";
        return "\"" + field + "\" is " + (v.isNumber() ? "a number" : v.isBoolean() ? "true or false" : "an " + kind(v))
                + ", not text: write it in quotes";
    }

    /**
     * Jackson's message without its internals: the names of its settings ("StreamReadConstraints", "Source:
     * REDACTED") mean nothing to someone fixing a listing file.
     */
    static String plain(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("nesting depth")) return "nested too deeply (more than 1,000 levels of arrays and objects)";
            if (m.contains("Number value length")) return "a number too long to read";
            if (m.contains("String value length")) return "a string too long to read";
            if (m.contains("Name length")) return "a field name too long to read";
            return "the document exceeds what paperboy reads";
        }
        String m = String.valueOf(e.getOriginalMessage());
        int source = m.indexOf("Source: ");
        if (source >= 0) m = m.substring(0, source);
        m = m.replaceAll("\\s*\\(from `[^`]*`\\)", "")
                .replaceAll("\\s*\\(`[A-Za-z.]*Feature[^)]*\\)", "")
                .replaceAll("\\s*\\(for [A-Za-z.$]+\\)", "")
                .replaceAll("\\s+", " ").strip();
        return m.replaceAll("[\\s\\[;,]+$", "");
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static SourceRef at(Path file, JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? SourceRef.of(file, 1)
                : new SourceRef(file, loc.getLineNr(), Math.max(loc.getColumnNr(), 1));
    }
}
