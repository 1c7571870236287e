package paperboy.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import paperboy.parse.ContentLoader;
import paperboy.parse.RawEntry;
import paperboy.parse.Snapshot;
import paperboy.parse.SnapshotParser;
import paperboy.problems.Problems;

/**
 * Hugging Face lists beside the sample's text dumps ({@code YYYY-MM-DD-upvotes.json}, one per day, the same papers
 * in the same order) giving every listing an upvote count, so the sample can be seen with popularity (the
 * README's screenshots). The counts are made up but fixed: a skewed spread from each title's CRC-32 (a few papers
 * in the hundreds, most under 20), growing by 5 on each later day the paper is listed again.
 */
public final class UpvotesFixture {
    private UpvotesFixture() {}

    /** Writes the lists into {@code content}, which holds the sample's listings (year 2025). */
    public static void addTo(Path content) throws IOException {
        Problems problems = new Problems();
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> listedBefore = new HashMap<>();
        for (Snapshot s : new ContentLoader(new SnapshotParser(OptionalInt.of(2025))).load(content, problems)) {
            ObjectNode day = json.createObjectNode().put("date", s.date().toString());
            ArrayNode papers = day.putArray("papers");
            for (RawEntry e : s.entries()) {
                int before = listedBefore.merge(e.title(), 1, Integer::sum) - 1;
                ObjectNode paper = papers.addObject().putObject("paper").put("title", e.title());
                e.abstractText().ifPresent(a -> paper.put("summary", a));
                paper.put("upvotes", base(e.title()) + 5 * before);
            }
            Files.writeString(content.resolve(s.date() + "-upvotes.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(day), StandardCharsets.UTF_8);
        }
        if (problems.hasErrors()) throw new IllegalStateException("the sample does not parse: " + problems.sorted());
    }

    private static int base(String title) {
        CRC32 crc = new CRC32();
        crc.update(title.getBytes(StandardCharsets.UTF_8));
        double u = (crc.getValue() % 10_000) / 10_000.0;
        return (int) Math.round(2 + 240 * Math.pow(u, 4));
    }
}
