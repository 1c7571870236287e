package paperboy.parse;

import paperboy.problems.Problems;
import paperboy.source.DecodedText;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import paperboy.model.SourceRef;

/**
 * Parses one daily listing: header lines, a date line, then title / abstract pairs separated by blank lines.
 *
 * <p>Everything before the first date-shaped line is header ("new", "Subscribe", ...). After it, non-blank
 * lines pair up as title then abstract. A title whose next line is another title (short, no sentence break)
 * followed by an abstract has no abstract of its own: it is kept and warned about, so one missing abstract
 * does not shift every pair after it.
 */
public final class SnapshotParser {
    /** Titles on the listing pages stay well below this; abstracts are longer. */
    static final int MAX_TITLE_LENGTH = 300;
    /** A full stop followed by a new sentence; titles have none, abstracts several. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[a-z0-9)]\\. [A-Z]");

    private final OptionalInt configuredYear;

    public SnapshotParser(OptionalInt configuredYear) {
        this.configuredYear = configuredYear;
    }

    /** Parses a file's bytes; problems go to {@code problems}, and an unusable file yields empty. */
    public Optional<Snapshot> parse(Path file, byte[] bytes, Problems problems) {
        return DecodedText.decode(file, bytes, problems).flatMap(text -> parse(file, text, problems));
    }

    public Optional<Snapshot> parse(Path file, String text, Problems problems) {
        List<String> lines = Lines.split(text);
        List<NumberedLine> body = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        boolean sawDateLine = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = Lines.normalize(lines.get(i));
            if (line.isEmpty()) continue;
            SourceRef at = SourceRef.of(file, i + 1);
            if (!sawDateLine) {
                DateLine.Result r = DateLine.classify(line);
                if (r instanceof DateLine.Valid v) {
                    sawDateLine = true;
                    date = resolveYear(v.date(), line, at, problems);
                } else if (r instanceof DateLine.Invalid bad) {
                    problems.error(at, bad.reason());
                    sawDateLine = true; // the rest of the file is still worth checking
                }
                continue;
            }
            body.add(new NumberedLine(line, at));
        }
        if (!sawDateLine) {
            problems.error(SourceRef.of(file, 1), "no date line: a listing needs a line such as \"Mar 13\", "
                    + "\"Mar 13, 2025\" or \"2025-03-13\" before its first title");
            return Optional.empty();
        }
        if (body.isEmpty()) {
            problems.warning(SourceRef.of(file, 1), "no papers listed after the date line");
        }
        List<RawEntry> entries = pair(body, problems);
        return date.map(d -> new Snapshot(file, d, entries));
    }

    private Optional<LocalDate> resolveYear(DateLine.Parsed parsed, String text, SourceRef at, Problems problems) {
        if (parsed.year().isEmpty() && configuredYear.isEmpty()) {
            problems.error(at, '"' + text + "\" has no year: write it on the date line (\"" + text
                    + ", 2025\"), set \"year: 2025\" in paperboy.yml, or pass --year 2025");
            return Optional.empty();
        }
        try {
            return ListingDates.inYears(parsed.withYear(configuredYear.orElse(0)), '"' + text + '"', at, problems);
        } catch (DateTimeException e) {
            problems.error(at, '"' + text + "\" is not a date in " + configuredYear.getAsInt());
            return Optional.empty();
        }
    }

    private static List<RawEntry> pair(List<NumberedLine> body, Problems problems) {
        List<RawEntry> entries = new ArrayList<>();
        int i = 0;
        while (i < body.size()) {
            NumberedLine title = body.get(i);
            if (date(title.text)) {
                problems.error(title.at, "a second date line (\"" + title.text
                        + "\"): one file holds one day; split it into two files");
                i++;
                continue;
            }
            boolean hasNext = i + 1 < body.size();
            boolean nextIsTitleOfOwnPair = hasNext && looksLikeTitle(body.get(i + 1).text)
                    && i + 2 < body.size() && !looksLikeTitle(body.get(i + 2).text);
            if (!hasNext || nextIsTitleOfOwnPair) {
                problems.warning(title.at, "title without an abstract: \"" + shorten(title.text)
                        + "\" (kept, shown without abstract)");
                entries.add(new RawEntry(title.text, Optional.empty(), title.at));
                i++;
                continue;
            }
            if (pairLooksSwapped(title.text, body.get(i + 1).text)) {
                problems.warning(title.at, "a " + title.text.length() + "-character line where a title was "
                        + "expected; kept as a title, check the file for a missing line");
            }
            entries.add(new RawEntry(title.text, Optional.of(body.get(i + 1).text), title.at));
            i += 2;
        }
        return entries;
    }

    private static boolean date(String line) {
        return !(DateLine.classify(line) instanceof DateLine.NotADate);
    }

    /**
     * Whether a title / abstract pair looks shifted by a missing line: the title line reads like an abstract and
     * the line after it reads like a title, or is shorter. A title with a full stop inside ("Therefore I am.
     * I Think") followed by a longer abstract is a real title, not evidence of a broken pairing.
     */
    static boolean pairLooksSwapped(String title, String abstractText) {
        if (looksLikeTitle(title)) return false;
        return looksLikeTitle(abstractText) || abstractText.length() < title.length();
    }

    /** Short and without a sentence break inside: abstracts are several sentences. */
    static boolean looksLikeTitle(String line) {
        return line.length() <= MAX_TITLE_LENGTH && !SENTENCE_BREAK.matcher(line).find();
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private record NumberedLine(String text, SourceRef at) {}
}
