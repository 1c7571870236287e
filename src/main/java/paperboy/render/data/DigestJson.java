package paperboy.render.data;

import paperboy.render.ArchiveDays;
import paperboy.render.JsonOut;
import paperboy.render.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import paperboy.render.Output;
import paperboy.render.PaperTexts;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * The digest as data, in the schema the README documents. A build writes it split so that a new day rewrites
 * small files only, however old the archive: {@code data/index.json} (each day's counts, themes, the months),
 * {@code data/days/YYYY.json} (the year's days with their papers' slugs) and {@code data/YYYY-MM.json} (the papers
 * first seen that month). {@link #whole} is the one-file export of
 * {@code paperboy export}. Fields are written in a fixed order, so the files are byte-identical for the same input.
 */
public final class DigestJson implements Renderer {
    /**
     * Bump when a field changes meaning or is removed; adding fields does not bump it. 2: split by month. 3: the
     * days' slugs moved from the index to a file per year (at ten years the index was 18.9 MB, rewritten daily).
     */
    public static final int SCHEMA_VERSION = 3;
    public static final String INDEX = "data/index.json";

    @Override
    public String name() {
        return "data";
    }

    /** {@code data/YYYY-MM.json}. */
    public static String monthPath(YearMonth month) {
        return "data/" + month + ".json";
    }

    /** {@code data/days/YYYY.json}, relative to the index. */
    private static String yearFile(int year) {
        return "days/" + year + ".json";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        List<Output> out = new ArrayList<>();
        render(digest, ctx, out::add, false);
        return out;
    }

    /** Each file handed to {@code sink} when made, the months' (most of the bytes) in parallel. */
    @Override
    public void render(Digest digest, RenderContext ctx, Consumer<Output> sink) {
        render(digest, ctx, sink, true);
    }

    /** The index, the years' days, then the months: in that order unless {@code parallel}. */
    private void render(Digest digest, RenderContext ctx, Consumer<Output> sink, boolean parallel) {
        PaperTexts texts = ctx.texts(digest);
        ArchiveDays days = ctx.days(digest);
        // The papers by month first seen: runs of the papers in first-seen order, cut where the month changes.
        // A scoped build finds the runs from the days' new counts, reading only the months it writes.
        List<Paper> order = ctx.inFirstSeenOrder(digest);
        Map<YearMonth, List<Paper>> byMonth = days.fromKeptIndex() ? monthRuns(order, days).orElse(null) : null;
        if (byMonth == null) byMonth = monthRuns(order);
        Map<YearMonth, List<Paper>> months = byMonth;
        sink.accept(new Output(INDEX, JsonOut.bytes(true, INDEX, g -> {
            g.writeStartObject();
            g.writeNumberField("version", SCHEMA_VERSION);
            JsonOut.string(g, "title", ctx.config().title());
            g.writeArrayFieldStart("days");
            for (int i = 0; i < days.size(); i++) dayCounts(g, days.date(i), days.listings(i), days.newCount(i));
            g.writeEndArray();
            g.writeArrayFieldStart("themes");
            for (Theme t : digest.themes()) theme(g, t, false);
            g.writeEndArray();
            g.writeArrayFieldStart("months");
            for (var m : months.entrySet()) {
                g.writeStartObject();
                g.writeStringField("month", m.getKey().toString());
                g.writeStringField("file", m.getKey() + ".json");
                g.writeNumberField("papers", m.getValue().size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }), name()));
        Map<Integer, int[]> byYear = new LinkedHashMap<>(); // the days of a year: a range of the days
        for (int i = 0; i < days.size(); i++) {
            int at = i;
            byYear.computeIfAbsent(days.date(i).getYear(), y -> new int[] {at, at})[1] = i + 1;
        }
        for (var y : byYear.entrySet()) {
            if (!ctx.scope().year(y.getKey())) continue;
            String path = "data/" + yearFile(y.getKey());
            List<Day> yearDays = days.span(y.getValue()[0], y.getValue()[1]);
            // A day's slugs never change once written: a scoped build keeps the year's days it did not append.
            Optional<byte[]> kept = days.fromKeptIndex() ? keptYear(ctx.scope(), path, y.getKey(), yearDays, days) : Optional.empty();
            sink.accept(new Output(path, kept.orElseGet(() -> JsonOut.bytes(true, path, g -> {
                g.writeStartObject();
                g.writeNumberField("version", SCHEMA_VERSION);
                g.writeNumberField("year", y.getKey());
                g.writeArrayFieldStart("days");
                for (Day d : yearDays) day(g, d);
                g.writeEndArray();
                g.writeEndObject();
            })), name()));
        }
        var monthFiles = parallel ? months.entrySet().parallelStream() : months.entrySet().stream();
        monthFiles.filter(m -> ctx.scope().month(m.getKey())).forEach(m -> {
            String path = monthPath(m.getKey());
            sink.accept(new Output(path, JsonOut.bytes(true, path, g -> {
                g.writeStartObject();
                g.writeNumberField("version", SCHEMA_VERSION);
                g.writeStringField("month", m.getKey().toString());
                g.writeArrayFieldStart("papers");
                for (Paper p : m.getValue()) paper(g, p, texts);
                g.writeEndArray();
                g.writeEndObject();
            }), name()));
        });
    }

    /** The papers by month first seen: runs of the first-seen order, cut where the month changes. */
    private static Map<YearMonth, List<Paper>> monthRuns(List<Paper> order) {
        Map<YearMonth, List<Paper>> byMonth = new LinkedHashMap<>();
        for (int from = 0, to; from < order.size(); from = to) {
            LocalDate first = order.get(from).firstSeen();
            to = from + 1;
            while (to < order.size() && order.get(to).firstSeen().getMonthValue() == first.getMonthValue()
                    && order.get(to).firstSeen().getYear() == first.getYear()) to++;
            byMonth.computeIfAbsent(YearMonth.from(first), m -> new ArrayList<>()).addAll(order.subList(from, to));
        }
        return byMonth;
    }

    /**
     * The same runs found from the days' new counts (a day's new papers are its part of the order), each a view
     * of the order read only when written; empty when the order does not hold them so (a digest built by hand).
     */
    private static Optional<Map<YearMonth, List<Paper>>> monthRuns(List<Paper> order, ArchiveDays days) {
        if (days.firstSeenStart(days.size()) != order.size()) return Optional.empty();
        Map<YearMonth, List<Paper>> byMonth = new LinkedHashMap<>();
        days.firstSeenByMonth().forEach((m, range) -> byMonth.put(m, order.subList(range[0], range[1])));
        return Optional.of(byMonth);
    }

    /**
     * A year's days file from the kept one: its days up to the kept index's latest as written, then the days
     * appended since. Empty when the kept file does not hold exactly the year's earlier days.
     */
    private static Optional<byte[]> keptYear(Scope scope, String path, int year, List<Day> yearDays, ArchiveDays days) {
        Optional<byte[]> bytes = scope.kept().read(path);
        if (bytes.isEmpty()) return Optional.empty();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes.get());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root.path("version").asInt() != SCHEMA_VERSION) return Optional.empty();
        JsonNode keptDays = root.path("days");
        LocalDate appendedAfter = scope.days().stream().min(LocalDate::compareTo).orElse(LocalDate.MAX);
        // The year's dates, from the counts: the kept file must hold those up to the first in scope, in order.
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d : days.dates()) if (d.getYear() == year) dates.add(d);
        int before = 0;
        while (before < dates.size() && dates.get(before).isBefore(appendedAfter)) before++;
        int keep = before;
        if (keptDays.size() < keep) return Optional.empty();
        for (int i = 0; i < keep; i++) {
            if (!keptDays.get(i).path("date").asText().equals(dates.get(i).toString())) return Optional.empty();
        }
        return Optional.of(JsonOut.bytes(true, path, g -> {
            g.writeStartObject();
            g.writeNumberField("version", SCHEMA_VERSION);
            g.writeNumberField("year", year);
            g.writeArrayFieldStart("days");
            for (int i = 0; i < keep; i++) {
                JsonNode d = keptDays.get(i);
                g.writeStartObject();
                g.writeStringField("date", d.path("date").asText());
                g.writeArrayFieldStart("papers");
                for (JsonNode slug : d.path("papers")) g.writeString(slug.asText());
                g.writeEndArray();
                g.writeArrayFieldStart("newPapers");
                for (JsonNode slug : d.path("newPapers")) g.writeString(slug.asText());
                g.writeEndArray();
                g.writeEndObject();
            }
            for (int i = keep; i < yearDays.size(); i++) day(g, yearDays.get(i));
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /** The whole digest as one file: days, every paper (by slug), themes with their papers. */
    public static byte[] whole(Digest digest, String title) {
        PaperTexts texts = new PaperTexts(digest);
        return JsonOut.bytes(true, "the digest", g -> {
            g.writeStartObject();
            g.writeNumberField("version", SCHEMA_VERSION);
            JsonOut.string(g, "title", title);
            g.writeArrayFieldStart("days");
            for (Day d : digest.days()) day(g, d);
            g.writeEndArray();
            g.writeArrayFieldStart("papers");
            for (Paper p : digest.papers()) paper(g, p, texts);
            g.writeEndArray();
            g.writeArrayFieldStart("themes");
            for (Theme t : digest.themes()) theme(g, t, true);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A day in the index: where its papers are, and how many. */
    private static void dayCounts(JsonGenerator g, LocalDate date, int listings, int fresh) throws IOException {
        g.writeStartObject();
        g.writeStringField("date", date.toString());
        g.writeStringField("file", yearFile(date.getYear()));
        g.writeNumberField("listings", listings);
        g.writeNumberField("new", fresh);
        g.writeEndObject();
    }

    private static void day(JsonGenerator g, Day d) throws IOException {
        g.writeStartObject();
        g.writeStringField("date", d.date().toString());
        g.writeArrayFieldStart("papers");
        for (Listing l : d.listings()) g.writeString(l.paperSlug());
        g.writeEndArray();
        g.writeArrayFieldStart("newPapers");
        for (Listing l : d.listings()) if (l.isNew()) g.writeString(l.paperSlug());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void paper(JsonGenerator g, Paper p, PaperTexts texts) throws IOException {
        g.writeStartObject();
        JsonOut.string(g, "slug", p.slug());
        JsonOut.string(g, "title", p.title());
        JsonOut.string(g, "abstract", texts.abstractText(p));
        JsonOut.string(g, "abstractRaw", p.abstractRaw().orElse(null));
        g.writeArrayFieldStart("days");
        for (var d : p.days()) g.writeString(d.toString());
        g.writeEndArray();
        JsonOut.string(g, "firstSeen", p.firstSeen().toString());
        JsonOut.strings(g, "themes", p.themes());
        JsonOut.strings(g, "related", p.related());
        g.writeNumberField("titleVariants", p.titleVariants());
        g.writeNumberField("abstractVariants", p.abstractVariants());
        JsonOut.string(g, "arxivId", p.arxivId().orElse(null));
        JsonOut.strings(g, "authors", p.authors());
        g.writeFieldName("upvotes");
        if (p.upvotes().isPresent()) g.writeNumber(p.upvotes().getAsInt());
        else g.writeNull();
        g.writeEndObject();
    }

    /** @param papers the theme's paper slugs (the export); the index gives their number only */
    private static void theme(JsonGenerator g, Theme t, boolean papers) throws IOException {
        g.writeStartObject();
        JsonOut.string(g, "slug", t.slug());
        JsonOut.string(g, "name", t.name());
        JsonOut.string(g, "description", t.description());
        JsonOut.strings(g, "keywords", t.keywords());
        g.writeBooleanField("curated", t.curated());
        if (papers) JsonOut.strings(g, "papers", t.paperSlugs());
        else g.writeNumberField("paperCount", t.paperSlugs().size());
        g.writeEndObject();
    }
}
