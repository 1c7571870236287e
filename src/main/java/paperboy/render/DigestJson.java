package paperboy.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * {@code data/digest.json}: the whole digest as data for tests and other tools. The schema is documented in
 * the README; field order is fixed by these records, so the file is byte-identical for the same input.
 */
public final class DigestJson implements Renderer {
    /** Bump when a field changes meaning or is removed; adding fields does not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record JsonDigest(int version, String title, List<JsonDay> days, List<JsonPaper> papers, List<JsonTheme> themes) {}

    record JsonDay(String date, List<String> papers, List<String> newPapers) {}

    /** {@code abstract} is a Java keyword, hence the annotation: the file says "abstract" as documented. */
    record JsonPaper(String slug, String title, @JsonProperty("abstract") String abstractText, String abstractRaw, List<String> days,
                     String firstSeen, List<String> themes, List<String> related, int titleVariants,
                     int abstractVariants, String arxivId, List<String> authors) {}

    record JsonTheme(String slug, String name, String description, List<String> keywords, boolean curated,
                     List<String> papers) {}

    @Override
    public String name() {
        return "data";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        JsonDigest doc = new JsonDigest(SCHEMA_VERSION, ctx.config().title(),
                digest.days().stream().map(DigestJson::day).toList(),
                digest.papers().stream().map(DigestJson::paper).toList(),
                digest.themes().stream().map(DigestJson::theme).toList());
        try {
            return List.of(new Output(SitePaths.DIGEST_JSON, JSON.writeValueAsBytes(doc), name()));
        } catch (JsonProcessingException e) {
            throw new RenderException("cannot write " + SitePaths.DIGEST_JSON + ": " + e.getMessage(), e);
        }
    }

    private static JsonDay day(Day d) {
        return new JsonDay(d.date().toString(),
                d.listings().stream().map(Listing::paperSlug).toList(),
                d.listings().stream().filter(Listing::isNew).map(Listing::paperSlug).toList());
    }

    private static JsonPaper paper(Paper p) {
        return new JsonPaper(p.slug(), p.title(), Views.cleanAbstract(p), p.abstractRaw().orElse(null),
                p.days().stream().map(Object::toString).toList(), p.firstSeen().toString(), p.themes(), p.related(),
                p.titleVariants(), p.abstractVariants(), p.arxivId().orElse(null), p.authors());
    }

    private static JsonTheme theme(Theme t) {
        return new JsonTheme(t.slug(), t.name(), t.description(), t.keywords(), t.curated(), t.paperSlugs());
    }
}
