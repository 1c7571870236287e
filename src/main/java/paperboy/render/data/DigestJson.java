package paperboy.render.data;

import paperboy.render.ArchiveDays;
import paperboy.render.JsonOut;
import paperboy.render.Scope;
import paperboy.render.Output;
import paperboy.render.PaperTexts;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * small files only, however old the archive: {@code data/index.json} (each day's counts and file, the themes) and
 * per day {@code data/days/YYYY-MM-DD.json} (the papers it listed, and the papers first seen on it in full). A day
 * writes its own file and those of the days its re-listed papers were first seen on (their days listed changed):
 * at ten years of fifty papers a day about 2 MB, where the month's papers and the year's days, rewritten whole,
 * were 7.5 MB. {@link #whole} is the one-file export of {@code paperboy export}. Fields are written in a fixed
 * order, so the files are byte-identical for the same input.
 */
public final class DigestJson implements Renderer {
    /**
     * Bump when a field changes meaning or is removed; adding fields does not bump it. 2: split by month. 3: the
     * days' slugs moved from the index to a file per year (at ten years the index was 18.9 MB, rewritten daily).
     * 4: one file per day, with the papers first seen on it (the month and year files gone). 5: in a day's file,
     * {@code papers} holds those papers' records and {@code listings} the day's slugs (4 had {@code newPapers} and
     * {@code papers}), so that {@code papers} is papers wherever it holds records.
     */
    public static final int SCHEMA_VERSION = 5;
    public static final String INDEX = "data/index.json";

    @Override
    public String name() {
        return "data";
    }

    /** {@code data/days/YYYY-MM-DD.json}. */
    public static String dayPath(LocalDate date) {
        return "data/" + dayFile(date);
    }

    /** {@code days/YYYY-MM-DD.json}, relative to the index. */
    private static String dayFile(LocalDate date) {
        return "days/" + date + ".json";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        List<Output> out = new ArrayList<>();
        render(digest, ctx, out::add, false);
        return out;
    }

    /** Each file handed to {@code sink} when made, the days' (most of the bytes) in parallel. */
    @Override
    public void render(Digest digest, RenderContext ctx, Consumer<Output> sink) {
        render(digest, ctx, sink, true);
    }

    /** The index, then the days' files: in that order unless {@code parallel}. */
    private void render(Digest digest, RenderContext ctx, Consumer<Output> sink, boolean parallel) {
        PaperTexts texts = ctx.texts(digest);
        ArchiveDays days = ctx.days(digest);
        // A day's new papers are its run of the first-seen order (a digest made by hand may not hold them so).
        List<Paper> order = ctx.inFirstSeenOrder(digest);
        boolean runs = days.firstSeenStart(days.size()) == order.size();
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
            g.writeEndObject();
        }), name()));
        // The days to write: every one, or those in scope and those its papers were first seen on.
        java.util.SortedSet<Integer> written = new java.util.TreeSet<>();
        Scope scope = ctx.scope();
        if (scope.everything()) {
            for (int i = 0; i < days.size(); i++) written.add(i);
        } else {
            for (LocalDate d : scope.days()) days.indexOf(d).ifPresent(written::add);
            for (String slug : scope.papers()) days.indexOf(digest.paper(slug).firstSeen()).ifPresent(written::add);
        }
        Map<LocalDate, List<Paper>> firstSeen = runs ? null : byFirstSeen(order);
        var files = parallel ? written.parallelStream() : written.stream();
        files.forEach(i -> {
            Day day = days.day(i);
            List<Paper> fresh = runs ? order.subList(days.firstSeenStart(i), days.firstSeenStart(i + 1))
                    : firstSeen.getOrDefault(day.date(), List.of());
            String path = dayPath(day.date());
            sink.accept(new Output(path, JsonOut.bytes(true, path, g -> {
                g.writeStartObject();
                g.writeNumberField("version", SCHEMA_VERSION);
                g.writeStringField("date", day.date().toString());
                g.writeArrayFieldStart("listings");
                for (Listing l : day.listings()) g.writeString(l.paperSlug());
                g.writeEndArray();
                g.writeArrayFieldStart("papers");
                for (Paper p : fresh) paper(g, p, texts);
                g.writeEndArray();
                g.writeEndObject();
            }), name()));
        });
    }

    /** The papers by the day first seen on, each day's in first-seen order. */
    private static Map<LocalDate, List<Paper>> byFirstSeen(List<Paper> order) {
        Map<LocalDate, List<Paper>> out = new java.util.HashMap<>();
        for (Paper p : order) out.computeIfAbsent(p.firstSeen(), d -> new ArrayList<>()).add(p);
        return out;
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
        g.writeStringField("file", dayFile(date));
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
