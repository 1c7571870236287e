package paperboy.render.view;

import java.util.List;

/**
 * The e-mail edition of one day. Every URL is absolute: an e-mail has no site to be relative to.
 *
 * @param subject        the e-mail subject, e.g. "Paper Digest — Mar 14: 54 papers (12 new)"
 * @param sections       the papers new today, one section per theme (primary theme) when there are themes,
 *                       otherwise one section with an empty name
 * @param byTheme        true when sections are themes
 * @param seen           papers listed today that were listed before, in listing order
 * @param unsubscribeUrl null when not configured
 * @param noteHtml       the editor's note on the day, sanitized HTML; null when there is none
 * @param noteText       the same note as plain text; null when there is none
 * @param more           papers left out to keep the e-mail under Gmail's clipping size (0: none), listed on the web
 * @param weekly         the weekly edition (iso is then the ISO week, "2025-W07"); items then say on how many days
 *                       of the week they were listed
 */
public record EditionPage(String siteTitle, String subject, String iso, String dateLabel, String shortDate,
                          int count, int newCount, int seenCount, String webUrl, String emailUrl, String feedUrl,
                          String archiveUrl, List<EditionSection> sections, boolean byTheme, List<SeenItem> seen,
                          String unsubscribeUrl, String noteHtml, String noteText, int more, boolean weekly) {

    /** The same edition with only the first {@code keep} papers (new ones first, then those seen before). */
    public EditionPage firstPapers(int keep) {
        int left = keep;
        List<EditionSection> kept = new java.util.ArrayList<>();
        for (EditionSection s : sections) {
            if (left <= 0) break;
            List<EditionItem> items = s.items().subList(0, Math.min(left, s.items().size()));
            kept.add(new EditionSection(s.name(), List.copyOf(items)));
            left -= items.size();
        }
        List<SeenItem> keptSeen = List.copyOf(seen.subList(0, Math.max(0, Math.min(left, seen.size()))));
        int total = sections.stream().mapToInt(s -> s.items().size()).sum() + seen.size();
        int shown = kept.stream().mapToInt(s -> s.items().size()).sum() + keptSeen.size();
        return new EditionPage(siteTitle, subject, iso, dateLabel, shortDate, count, newCount, seenCount, webUrl,
                emailUrl, feedUrl, archiveUrl, List.copyOf(kept), byTheme, keptSeen, unsubscribeUrl, noteHtml, noteText,
                more + total - shown, weekly);
    }

    /** A group of new papers; {@code name} empty when not grouped. */
    public record EditionSection(String name, List<EditionItem> items) {}

    /**
     * A paper new today.
     *
     * @param teaser  the abstract, cut at a word boundary when long
     * @param trimmed true when the teaser is shorter than the abstract (then "Read more" links the paper page)
     * @param links   the way to the paper (arXiv, PDF, Hugging Face, or searches that find it)
     * @param upvotes the day's listing's upvotes (weekly: the paper's latest count), or null without any
     */
    public record EditionItem(String title, String url, String teaser, boolean trimmed, List<String> themes,
                              List<PaperLink> links, int daysListed, Integer upvotes) {}

    /** A paper listed today that was first seen on an earlier day, with the day's upvotes or null. */
    public record SeenItem(String title, String url, String firstSeen, String firstSeenUrl, Integer upvotes) {}
}
