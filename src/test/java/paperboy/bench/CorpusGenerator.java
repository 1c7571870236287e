package paperboy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import paperboy.parse.ContentLoader;
import paperboy.problems.Problems;
import paperboy.parse.RawEntry;
import paperboy.parse.Snapshot;
import paperboy.parse.SnapshotParser;

/**
 * Writes a synthetic archive for benchmarks: {@code days} daily listing files of {@code perDay} papers each, in
 * the input format (header lines, a {@code Mon D, YYYY} date line, title / abstract pairs), built from the
 * vocabulary of real listings. A share of each day's papers is re-listed from the previous 30 days, some of
 * them with small differences (title case or punctuation, LaTeX debris); some files end lines with CRLF or
 * leave trailing spaces.
 *
 * <p>Deterministic: the same options give byte-identical files, and day {@code i} does not depend on how many
 * days follow it, so a corpus of {@code n + 1} days is the corpus of {@code n} days plus one file.
 */
public final class CorpusGenerator {
    static final int RELIST_WINDOW_DAYS = 30;
    private static final DateTimeFormatter DATE_LINE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final List<String> HEADER = List.of("new", "Get trending papers in your email inbox!",
            "Subscribe", "Daily Papers", "byAK and the research community");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[a-z0-9)]\\.)\\s+(?=[A-Z])");
    private static final String[] LATEX = {" by 12\\%", " with \\textbf{state-of-the-art} results",
            " in $O(n^2)$ time", " at k^{2} scale", " using \\emph{fewer} tokens", " up to 3.5\\times faster"};

    /** What to generate. */
    public record Options(int days, int perDay, double relistShare, long seed, LocalDate start) {
        public Options {
            if (days < 0 || perDay < 1) throw new IllegalArgumentException("need days >= 0 and per-day >= 1");
            if (relistShare < 0 || relistShare > 1) throw new IllegalArgumentException("relist share must be in [0, 1]");
        }

        public static Options defaults() {
            return new Options(365, 50, 0.30, 42, LocalDate.of(2016, 1, 1));
        }
    }

    /** Words and sentences of the real listings, deduplicated and in a fixed order. */
    public record Vocabulary(List<String> titleWords, List<String> sentences) {
        static Vocabulary from(List<Snapshot> snapshots) {
            Set<String> words = new LinkedHashSet<>();
            Set<String> sentences = new LinkedHashSet<>();
            for (Snapshot s : snapshots) {
                for (RawEntry e : s.entries()) {
                    for (String w : e.title().split("[\\s:,;?!()\"]+")) {
                        if (w.length() > 1 && !w.contains("\\") && !w.contains("$")) words.add(w);
                    }
                    e.abstractText().ifPresent(a -> {
                        for (String sentence : SENTENCE_END.split(a)) {
                            if (sentence.length() > 30 && sentence.length() < 400 && sentence.endsWith(".")) {
                                sentences.add(sentence);
                            }
                        }
                    });
                }
            }
            if (words.size() < 20 || sentences.size() < 20) {
                throw new IllegalArgumentException("too few listings to take a vocabulary from");
            }
            return new Vocabulary(List.copyOf(words), List.copyOf(sentences));
        }
    }

    private record GeneratedPaper(String title, String abstractText, int firstDay) {}

    private final Options options;
    private final Vocabulary vocabulary;

    public CorpusGenerator(Options options, Vocabulary vocabulary) {
        this.options = options;
        this.vocabulary = vocabulary;
    }

    /** Reads the vocabulary from a folder of real listing files (the seeds or content/). */
    public static Vocabulary vocabularyFrom(Path listings) {
        Problems problems = new Problems();
        List<Snapshot> snapshots = new ContentLoader(new SnapshotParser(OptionalInt.of(2025))).load(listings, problems);
        return Vocabulary.from(snapshots);
    }

    /** Writes one file per day into {@code outDir}; returns the number of listings written. */
    public long write(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<GeneratedPaper> papers = new ArrayList<>();
        int windowStart = 0; // index of the first paper first listed within the relist window
        long listings = 0;
        for (int day = 0; day < options.days(); day++) {
            // One generator per day, seeded from (seed, day): day i is the same whatever follows it.
            SplittableRandom rnd = new SplittableRandom(options.seed() * 1_000_003L + day);
            while (windowStart < papers.size() && papers.get(windowStart).firstDay() < day - RELIST_WINDOW_DAYS) {
                windowStart++;
            }
            int recentEnd = papers.size();
            List<String> entries = new ArrayList<>();
            Set<Integer> relistedToday = new java.util.HashSet<>();
            for (int i = 0; i < options.perDay(); i++) {
                boolean relist = recentEnd > windowStart && rnd.nextDouble() < options.relistShare();
                if (relist) {
                    int idx = windowStart + rnd.nextInt(recentEnd - windowStart);
                    if (relistedToday.add(idx)) {
                        entries.add(pair(noisy(papers.get(idx), rnd), rnd));
                        continue;
                    }
                }
                GeneratedPaper p = newPaper(day, papers.size(), rnd);
                papers.add(p);
                entries.add(pair(p, rnd));
            }
            LocalDate date = options.start().plusDays(day);
            StringBuilder text = new StringBuilder(entries.size() * 1500);
            for (String h : HEADER) text.append(h).append("\n\n");
            text.append(DATE_LINE.format(date)).append("\n\n");
            for (String e : entries) text.append(e);
            String out = text.toString();
            if (rnd.nextInt(10) == 0) out = out.replace("\n", "\r\n"); // a Windows-edited file
            Files.writeString(outDir.resolve(date + ".txt"), out, StandardCharsets.UTF_8);
            listings += entries.size();
        }
        return listings;
    }

    private String pair(GeneratedPaper p, SplittableRandom rnd) {
        String trailing = rnd.nextInt(20) == 0 ? "  " : "";
        return p.title() + trailing + "\n\n" + p.abstractText() + "\n\n";
    }

    private GeneratedPaper newPaper(int day, int serial, SplittableRandom rnd) {
        List<String> words = vocabulary.titleWords();
        StringBuilder title = new StringBuilder();
        // A made-up system name keeps titles (and so slugs) distinct; the serial makes them unique.
        title.append(acronym(rnd)).append(Integer.toString(serial, 36).toUpperCase(Locale.ROOT)).append(": ");
        int n = 4 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            String w = words.get(rnd.nextInt(words.size()));
            title.append(i == 0 ? capitalise(w) : w);
            if (i + 1 < n) title.append(' ');
        }
        List<String> sentences = vocabulary.sentences();
        StringBuilder abs = new StringBuilder();
        // An opening sentence of random words, so no two abstracts share their first words (the dedup key).
        abs.append("We study");
        for (int i = 0; i < 14; i++) abs.append(' ').append(words.get(rnd.nextInt(words.size())).toLowerCase(Locale.ROOT));
        abs.append('.');
        int k = 3 + rnd.nextInt(5);
        for (int i = 0; i < k; i++) abs.append(' ').append(sentences.get(rnd.nextInt(sentences.size())));
        if (rnd.nextInt(8) == 0) {
            abs.insert(abs.length() - 1, LATEX[rnd.nextInt(LATEX.length)]);
        }
        return new GeneratedPaper(title.toString(), abs.toString(), day);
    }

    /** A re-listing: usually identical, sometimes retyped the way real listings are. */
    private static GeneratedPaper noisy(GeneratedPaper p, SplittableRandom rnd) {
        String title = p.title();
        String abs = p.abstractText();
        switch (rnd.nextInt(12)) {
            case 0 -> title = title.toLowerCase(Locale.ROOT);
            case 1 -> title = title + ".";
            case 2 -> title = title.replace(": ", " - ");
            case 3 -> abs = abs + " Code is available at https://example.org/code.";
            case 4 -> title = title.replace(" ", "  ");
            default -> { }
        }
        return new GeneratedPaper(title, abs, p.firstDay());
    }

    private static String acronym(SplittableRandom rnd) {
        int n = 2 + rnd.nextInt(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) ('A' + rnd.nextInt(26)));
        return b.toString();
    }

    private static String capitalise(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * {@code java -cp paperboy.jar paperboy.bench.CorpusGenerator --out DIR [--days N] [--per-day M]
     * [--relist 0.3] [--seed S] [--start YYYY-MM-DD] [--vocabulary DIR]}
     */
    public static void main(String[] args) throws IOException {
        Options d = Options.defaults();
        int days = d.days(), perDay = d.perDay();
        double relist = d.relistShare();
        long seed = d.seed();
        LocalDate start = d.start();
        Path out = null;
        Path vocab = Files.isDirectory(Path.of("../shared/seeds")) ? Path.of("../shared/seeds") : Path.of("content");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--out" -> out = Path.of(v);
                case "--days" -> days = Integer.parseInt(v);
                case "--per-day" -> perDay = Integer.parseInt(v);
                case "--relist" -> relist = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--start" -> start = LocalDate.parse(v);
                case "--vocabulary" -> vocab = Path.of(v);
                default -> {
                    System.err.println("unknown option " + a);
                    System.exit(2);
                }
            }
            i++;
        }
        if (out == null) {
            System.err.println("usage: CorpusGenerator --out DIR [--days N] [--per-day M] [--relist 0.3] [--seed S]"
                    + " [--start YYYY-MM-DD] [--vocabulary DIR]");
            System.exit(2);
        }
        long n = new CorpusGenerator(new Options(days, perDay, relist, seed, start), vocabularyFrom(vocab)).write(out);
        System.out.println("wrote " + days + " days, " + n + " listings to " + out);
    }
}
