package paperboy.fetch;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import paperboy.parse.JsonListingParser;
import paperboy.parse.Snapshot;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.write.AtomicFile;

/**
 * A fetched day saved as {@code content/YYYY-MM-DD.json}: {@code {"date": "YYYY-MM-DD", "papers": [...]}} with the
 * items exactly as the source gave them, indented so that a day's changes read well in a diff. The file is checked
 * with the build's own parser before it is written, written whole or not at all, and left alone when the new
 * text is the same.
 */
public final class ListingFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of the day's file. */
    public sealed interface Outcome {
        Path file();
    }

    /** There was no file; now there is. */
    public record Created(Path file, int papers, int warnings) implements Outcome {}

    /** The file held another text (a shorter list, older upvotes); now it holds the new one. */
    public record Replaced(Path file, int papers, int warnings) implements Outcome {}

    /** The file already held exactly this. */
    public record Unchanged(Path file, int papers) implements Outcome {}

    /** The answer does not parse as a listing: nothing written, the old file (if any) kept. */
    public record Rejected(Path file, String why) implements Outcome {}

    private ListingFile() {}

    public static Path of(Path contentDir, LocalDate day) {
        return contentDir.resolve(day + ".json");
    }

    public static Outcome save(Path contentDir, LocalDate day, List<JsonNode> items) throws IOException {
        Path file = of(contentDir, day);
        byte[] bytes = text(day, items).getBytes(StandardCharsets.UTF_8);
        Problems problems = new Problems();
        List<Snapshot> parsed = new JsonListingParser().parse(file, new String(bytes, StandardCharsets.UTF_8), problems);
        if (problems.hasErrors() || parsed.size() != 1) {
            String why = problems.sorted().stream().filter(Problem::isError).findFirst()
                    .map(p -> p.message()).orElse("no listing for " + day);
            return new Rejected(file, why);
        }
        int papers = parsed.get(0).entries().size();
        int warnings = problems.sorted().size();
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) return new Unchanged(file, papers);
        boolean existed = Files.exists(file);
        Files.createDirectories(contentDir);
        AtomicFile.write(file, out -> out.write(bytes));
        return existed ? new Replaced(file, papers, warnings) : new Created(file, papers, warnings);
    }

    /** The file's text: deterministic (fields in the source's order, two-space indent, "\n" on every system). */
    static String text(LocalDate day, List<JsonNode> items) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", day.toString());
        ArrayNode papers = root.putArray("papers");
        items.forEach(papers::add);
        DefaultIndenter lines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(lines).withArrayIndenter(lines);
        return JSON.writer(pretty).writeValueAsString(root) + "\n";
    }
}
