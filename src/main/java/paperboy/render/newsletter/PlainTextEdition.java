package paperboy.render.newsletter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paperboy.render.view.EditionPage;
import paperboy.render.view.EditionPage.EditionItem;
import paperboy.render.view.EditionPage.EditionSection;
import paperboy.render.view.EditionPage.SeenItem;

/**
 * The text/plain part of the e-mail edition: wrapped at 78 columns (RFC 5322's recommended line length) so it
 * reads well in a terminal; links are numbered footnotes ("[3]") listed at the end, where a long URL may
 * exceed the width rather than be broken.
 */
public final class PlainTextEdition {
    public static final int WIDTH = 78;

    private final StringBuilder out = new StringBuilder();
    private final Map<String, Integer> links = new LinkedHashMap<>();

    private PlainTextEdition() {}

    public static String render(EditionPage e) {
        return new PlainTextEdition().write(e);
    }

    private String write(EditionPage e) {
        line(e.siteTitle().toUpperCase(java.util.Locale.ROOT));
        line(e.dateLabel());
        para(e.count() + " papers, " + e.newCount() + " new, " + e.seenCount() + " seen before", "", "");
        para("Read on the web " + ref(e.webUrl()) + " · RSS feed " + ref(e.feedUrl()) + " · Archive "
                + ref(e.archiveUrl()), "", "");
        out.append('\n');
        if (e.noteText() != null) {
            heading("Editor's note");
            para(e.noteText(), "", "");
            out.append('\n');
        }
        heading((e.weekly() ? "New this week (" : "New today (") + e.newCount() + ")");
        if (e.sections().isEmpty()) para(e.weekly() ? "Nothing new this week." : "Nothing new today.", "", "");
        for (EditionSection s : e.sections()) {
            if (!s.name().isEmpty()) {
                out.append('\n');
                para("-- " + s.name() + " (" + s.items().size() + ") --", "", "");
            }
            for (EditionItem i : s.items()) {
                out.append('\n');
                para(i.title() + " " + ref(i.url()) + upvotes(i.upvotes()) + (e.weekly() ? " (listed on " + i.daysListed()
                        + (i.daysListed() == 1 ? " day)" : " days)") : ""), "* ", "  ");
                if (!i.teaser().isEmpty()) {
                    para(i.teaser() + (i.trimmed() ? " (read more: " + ref(i.url()) + ")" : ""), "  ", "  ");
                }
                if (!i.links().isEmpty()) {
                    StringBuilder l = new StringBuilder();
                    for (var k : i.links()) l.append(l.length() == 0 ? "" : " · ").append(k.label()).append(' ').append(ref(k.href()));
                    para(l.toString(), "  ", "  ");
                }
            }
        }
        if (!e.seen().isEmpty()) {
            out.append('\n');
            heading("Seen before (" + e.seenCount() + ")");
            for (SeenItem s : e.seen()) {
                para(s.title() + " " + ref(s.url()) + upvotes(s.upvotes()) + " (first seen " + s.firstSeen() + ")", "* ", "  ");
            }
        }
        if (e.more() > 0) {
            out.append('\n');
            para("... and " + e.more() + " more on the site: " + ref(e.webUrl()), "", "");
        }
        out.append('\n').append("-- \n");
        para("You get this e-mail because you subscribed to " + e.siteTitle() + ".", "", "");
        if (e.unsubscribeUrl() != null) para("Unsubscribe: " + ref(e.unsubscribeUrl()), "", "");
        out.append('\n').append("Links:\n");
        links.forEach((url, n) -> out.append('[').append(n).append("] ").append(url).append('\n'));
        return out.toString();
    }

    private String ref(String url) {
        return "[" + links.computeIfAbsent(url, u -> links.size() + 1) + "]";
    }

    private void heading(String text) {
        line(text.toUpperCase(java.util.Locale.ROOT));
        line("=".repeat(Math.min(WIDTH, text.length())));
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private void para(String text, String firstIndent, String indent) {
        wrap(text, firstIndent, indent).forEach(this::line);
    }

    /** Greedy word wrap to {@link #WIDTH}; a word longer than a line stands alone on its line. */
    static List<String> wrap(String text, String firstIndent, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder(firstIndent);
        int curIndent = firstIndent.length();
        for (String word : words(text.trim())) {
            if (cur.length() > curIndent && cur.length() + 1 + word.length() > WIDTH) {
                lines.add(cur.toString());
                cur = new StringBuilder(indent);
                curIndent = indent.length();
            }
            if (cur.length() > curIndent) cur.append(' ');
            cur.append(word);
        }
        lines.add(cur.toString());
        return lines;
    }

    /**
     * What {@code trimmed.split("\\s+")} gives for a trimmed text (no leading or trailing white space; a single
     * empty word for the empty text), without a regular expression: every abstract of every edition goes
     * through here.
     */
    static List<String> words(String trimmed) {
        List<String> words = new ArrayList<>();
        int n = trimmed.length(), start = 0;
        for (int i = 0; i < n; i++) {
            if (isSpace(trimmed.charAt(i))) {
                if (i > start) words.add(trimmed.substring(start, i));
                start = i + 1;
            }
        }
        if (n > start || words.isEmpty()) words.add(trimmed.substring(start));
        return words;
    }

    /** Regex {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** " (▲ 42 upvotes)" where the input gave a count, else nothing. */
    private static String upvotes(Integer n) {
        return n == null ? "" : " (▲ " + n + (n == 1 ? " upvote)" : " upvotes)");
    }
}
