package paperboy.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paperboy.problems.Problems;

/**
 * The longest title and author list an entry keeps. A title is copied into some 40 files of the site (its page,
 * day and theme pages, feeds, data, search, e-mail editions) and an author list into about ten, so one 10 MB
 * title would make a site of hundreds of MB. Longer ones are cut, with a warning at the entry.
 */
final class EntryLimits {
    /**
     * Characters of a title: the longest of 2,156 real titles (120 days of the Hugging Face listing) has 202, the
     * sample's longest 126; arXiv titles of more than a few hundred are unheard of.
     */
    static final int MAX_TITLE = 1_000;
    /**
     * Characters of an author list written out ("A, B, C"): the largest on arXiv, the LHC collaborations' 5,154 names,
     * is some 90,000 at 18 characters a name; the largest in machine learning, the Gemini 2.5 report's 3,295, some
     * 60,000.
     */
    static final int MAX_AUTHORS = 200_000;

    private EntryLimits() {}

    static List<Snapshot> apply(List<Snapshot> snapshots, Problems problems) {
        return snapshots.stream().map(s -> {
            boolean within = s.entries().stream().allMatch(e -> e.title().length() <= MAX_TITLE
                    && writtenLength(e.authors()) <= MAX_AUTHORS);
            return within ? s : new Snapshot(s.file(), s.date(), s.entries().stream().map(e -> within(e, problems)).toList());
        }).toList();
    }

    private static RawEntry within(RawEntry e, Problems problems) {
        String title = e.title();
        if (title.length() > MAX_TITLE) {
            problems.warning(e.titleAt(), String.format(Locale.ROOT,
                    "a title of %,d characters, cut to its first %,d (the most a title may have)", title.length(), MAX_TITLE));
            title = cut(title, MAX_TITLE);
        }
        List<String> authors = e.authors();
        long written = writtenLength(authors);
        if (written > MAX_AUTHORS) {
            List<String> kept = new ArrayList<>();
            long length = 0;
            for (String a : authors) {
                long next = length + (kept.isEmpty() ? 0 : 2) + a.length();
                if (next > MAX_AUTHORS) break;
                kept.add(a);
                length = next;
            }
            if (kept.isEmpty()) kept.add(cut(authors.get(0), MAX_AUTHORS));
            problems.warning(e.titleAt(), String.format(Locale.ROOT,
                    "an author list of %,d characters (%,d %s), cut to its first %,d %s (at most %,d characters)",
                    written, authors.size(), authors.size() == 1 ? "name" : "names", kept.size(),
                    kept.size() == 1 ? "name" : "names", MAX_AUTHORS));
            authors = kept;
        }
        return new RawEntry(title, e.abstractText(), e.titleAt(), e.arxivId(), authors, e.upvotes());
    }

    /** The list's length as shown: names joined by ", ". */
    private static long writtenLength(List<String> authors) {
        long n = 2L * Math.max(0, authors.size() - 1);
        for (String a : authors) n += a.length();
        return n;
    }

    /** The first {@code max} characters, the last one an ellipsis, never half a surrogate pair. */
    private static String cut(String s, int max) {
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }
}
