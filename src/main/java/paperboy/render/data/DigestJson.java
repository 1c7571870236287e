package paperboy.render.data;

import paperboy.render.JsonOut;
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
        // The papers by month first seen: runs of the papers in first-seen order, cut where the month changes.
        Map<YearMonth, List<Paper>> byMonth = new LinkedHashMap<>();
        List<Paper> order = ctx.inFirstSeenOrder(digest);
        for (int from = 0, to; from < order.size(); from = to) {
            LocalDate first = order.get(from).firstSeen();
            to = from + 1;
            while (to < order.size() && order.get(to).firstSeen().getMonthValue() == first.getMonthValue()
                    && order.get(to).firstSeen().getYear() == first.getYear()) to++;
            byMonth.computeIfAbsent(YearMonth.from(first), m -> new ArrayList<>()).addAll(order.subList(from, to));
        }
        sink.accept(new Output(INDEX, JsonOut.bytes(true, INDEX, g -> {
            g.writeStartObject();
            g.writeNumberField("version", SCHEMA_VERSION);
            JsonOut.string(g, "title", ctx.config().title());
            g.writeArrayFieldStart("days");
            for (Day d : digest.days()) dayCounts(g, d);
            g.writeEndArray();
            g.writeArrayFieldStart("themes");
            for (Theme t : digest.themes()) theme(g, t, false);
            g.writeEndArray();
            g.writeArrayFieldStart("months");
            for (var m : byMonth.entrySet()) {
                g.writeStartObject();
                g.writeStringField("month", m.getKey().toString());
                g.writeStringField("file", m.getKey() + ".json");
                g.writeNumberField("papers", m.getValue().size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }), name()));
        Map<Integer, List<Day>> byYear = new LinkedHashMap<>();
        for (Day d : digest.days()) byYear.computeIfAbsent(d.date().getYear(), y -> new ArrayList<>()).add(d);
        for (var y : byYear.entrySet()) {
            if (!ctx.scope().year(y.getKey())) continue;
            String path = "data/" + yearFile(y.getKey());
            sink.accept(new Output(path, JsonOut.bytes(true, path, g -> {
                g.writeStartObject();
                g.writeNumberField("version", SCHEMA_VERSION);
                g.writeNumberField("year", y.getKey());
                g.writeArrayFieldStart("days");
                for (Day d : y.getValue()) day(g, d);
                g.writeEndArray();
                g.writeEndObject();
            }), name()));
        }
        var months = parallel ? byMonth.entrySet().parallelStream() : byMonth.entrySet().stream();
        months.filter(m -> ctx.scope().month(m.getKey())).forEach(m -> {
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
    private static void dayCounts(JsonGenerator g, Day d) throws IOException {
        g.writeStartObject();
        g.writeStringField("date", d.date().toString());
        g.writeStringField("file", yearFile(d.date().getYear()));
        g.writeNumberField("listings", d.listings().size());
        g.writeNumberField("new", d.newCount());
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
