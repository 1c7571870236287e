package paperboy.render.data;

import paperboy.render.JsonOut;
import paperboy.render.Output;
import paperboy.render.PaperTexts;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * {@code data/digest.json}: the whole digest as data for tests and other tools. The schema is documented in
 * the README; fields are written in a fixed order, so the file is byte-identical for the same input.
 */
public final class DigestJson implements Renderer {
    /** Bump when a field changes meaning or is removed; adding fields does not bump it. */
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String name() {
        return "data";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        PaperTexts texts = ctx.texts(digest);
        byte[] json = JsonOut.bytes(true, SitePaths.DIGEST_JSON, g -> {
            g.writeStartObject();
            g.writeNumberField("version", SCHEMA_VERSION);
            JsonOut.string(g, "title", ctx.config().title());
            g.writeArrayFieldStart("days");
            for (Day d : digest.days()) day(g, d);
            g.writeEndArray();
            g.writeArrayFieldStart("papers");
            for (Paper p : digest.papers()) paper(g, p, texts);
            g.writeEndArray();
            g.writeArrayFieldStart("themes");
            for (Theme t : digest.themes()) theme(g, t);
            g.writeEndArray();
            g.writeEndObject();
        });
        return List.of(new Output(SitePaths.DIGEST_JSON, json, name()));
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
        g.writeEndObject();
    }

    private static void theme(JsonGenerator g, Theme t) throws IOException {
        g.writeStartObject();
        JsonOut.string(g, "slug", t.slug());
        JsonOut.string(g, "name", t.name());
        JsonOut.string(g, "description", t.description());
        JsonOut.strings(g, "keywords", t.keywords());
        g.writeBooleanField("curated", t.curated());
        JsonOut.strings(g, "papers", t.paperSlugs());
        g.writeEndObject();
    }
}
