package paperboy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The AOT cache's training run ({@code mvn package}, with {@code -XX:AOTCacheOutput}): in one JVM, the kinds of
 * build a site sees, so that the cache holds the classes of each, not only of a first build. Over a
 * copy of the content: a first build; a day appended in the latest month (the archive kept, the build cache's
 * shards, an update in place); the first day of the next month (the themes refitted); a second day of that month
 * (the daily themes and a render of what the day reaches, as most days of a real archive); and a build with nothing
 * to do. The days added list papers of the latest day again and new papers made from their words.
 *
 * <p>Measured at ten years (3,650 days), a new day's CPU with a cache trained this way on that very build was 3.2 s
 * against 3.5 s with a cache of the first build alone (four runs each, interleaved).
 */
public final class TrainingRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingRun() {}

    /** {@code TrainingRun CONTENT CONFIG TEMPLATES WORKDIR}; exits 1 when a build fails (the cache is then not made). */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: TrainingRun CONTENT CONFIG TEMPLATES WORKDIR");
            System.exit(2);
        }
        Path work = Path.of(args[3]);
        Path content = work.resolve("content"), site = work.resolve("site");
        copy(Path.of(args[0]), content);
        List<String> build = List.of("build", "--content", content.toString(), "--config", args[1], "--templates",
                args[2], "--out", site.toString());
        run(build);
        LocalDate latest = latestDay(site);
        JsonNode day = JSON.readTree(site.resolve("data/days/" + latest + ".json").toFile());
        LocalDate nextMonth = latest.withDayOfMonth(1).plusMonths(1);
        List<LocalDate> added = List.of(latest.plusDays(1).getMonth() == latest.getMonth() ? latest.plusDays(1) : latest,
                nextMonth, nextMonth.plusDays(1));
        for (int i = 0; i < added.size(); i++) {
            if (added.get(i).equals(latest)) continue; // the latest day ends its month: no day to add in it
            Files.writeString(content.resolve(added.get(i) + ".json"), listing(added.get(i), day, i + 1));
            run(build);
        }
        run(build); // nothing changed
    }

    private static void run(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        System.out.print(out);
        System.err.print(err);
        if (code != 0) System.exit(1);
    }

    /** The latest day the site's data index lists. */
    private static LocalDate latestDay(Path site) throws IOException {
        JsonNode days = JSON.readTree(site.resolve("data/index.json").toFile()).path("days");
        return LocalDate.parse(days.get(days.size() - 1).path("date").asText());
    }

    /**
     * A Hugging Face daily listing for {@code date}: the papers first seen on {@code day} listed again, and as many new
     * papers, each the words of one of theirs in another order (a new title and abstract, the same vocabulary), the
     * order turned by {@code turn} words so that each day's are new.
     */
    static String listing(LocalDate date, JsonNode day, int turn) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", date.toString());
        ArrayNode papers = root.putArray("papers");
        int n = 0;
        for (JsonNode p : day.path("papers")) {
            if (n++ == 10) break;
            papers.addObject().putObject("paper").put("title", p.path("title").asText())
                    .put("summary", p.path("abstract").asText());
            papers.addObject().putObject("paper").put("title", reordered(p.path("title").asText(), turn))
                    .put("summary", reordered(p.path("abstract").asText(), turn));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String reordered(String text, int turn) {
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        java.util.Collections.reverse(words);
        java.util.Collections.rotate(words, turn);
        return String.join(" ", words);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                try {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(dest);
                    else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
