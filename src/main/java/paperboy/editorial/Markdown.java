package paperboy.editorial;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import paperboy.config.MarkdownConfig;

/**
 * Markdown to safe HTML: flexmark (tables, autolinks, footnotes, strikethrough, heading anchors), then jsoup's
 * Safelist over the whole result, so raw HTML in a note cannot bring in scripts, event handlers or
 * {@code javascript:} links. Thread-safe: flexmark's parser and renderer keep no state between documents.
 */
public final class Markdown {
    /** Relative links are checked against this made-up base, then kept as written. */
    private static final String CHECK_BASE = "https://paperboy.invalid/";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    public Markdown(MarkdownConfig config) {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create(),
                        FootnoteExtension.create(), StrikethroughExtension.create(), AnchorLinkExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, false)
                .set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true)
                .set(AnchorLinkExtension.ANCHORLINKS_SET_NAME, false)
                .set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor")
                .set(TablesExtension.WITH_CAPTION, false)
                .set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.safelist = safelist(config.safelist());
    }

    /** The Safelist named in the config, plus what flexmark's own output needs (anchors, footnotes, strikethrough). */
    static Safelist safelist(String name) {
        Safelist s = switch (name.toLowerCase(Locale.ROOT)) {
            case "basic" -> Safelist.basic();
            case "basicwithimages" -> Safelist.basicWithImages();
            case "relaxed" -> Safelist.relaxed();
            default -> throw new IllegalArgumentException("unknown safelist " + name);
        };
        if (s.isSafeTag("h1")) { // heading anchors only where headings are allowed at all
            for (String h : List.of("h1", "h2", "h3", "h4", "h5", "h6")) s.addAttributes(h, "id");
        }
        return s.addTags("del", "s", "hr", "sup")
                .addAttributes("a", "id", "class")
                .addAttributes("sup", "id", "class")
                .addAttributes("li", "id")
                .addAttributes("div", "class")
                .addAttributes("ol", "class")
                .preserveRelativeLinks(true);
    }

    /** Sanitized HTML of a Markdown text. */
    public String toHtml(String markdown) {
        String raw = renderer.render(parser.parse(markdown));
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(raw, CHECK_BASE, safelist, out).strip();
    }

    /** Deeper block nesting (quotes in lists in quotes...) than any note needs; flexmark recurses per level. */
    public static final int MAX_NESTING = 50;

    /** Markdown nested deeper than {@link #MAX_NESTING}; {@code line} is 1-based in the text given. */
    public static final class TooDeep extends RuntimeException {
        public final int line;

        TooDeep(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /**
     * As {@link #toHtml(String)}, but refusing Markdown nested so deep that rendering it would exhaust the
     * stack (a thousand "> " on one line): checked on the text first, and a stack overflow that still
     * happens is reported the same way instead of killing the build (or {@code serve}'s watcher).
     */
    public String toHtmlChecked(String markdown) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int depth = nesting(lines[i]);
            if (depth > MAX_NESTING) {
                throw new TooDeep(i + 1, "Markdown nested " + depth + " levels deep (quotes, lists, indentation); "
                        + "at most " + MAX_NESTING + " are allowed");
            }
        }
        try {
            return toHtml(markdown);
        } catch (StackOverflowError e) {
            throw new TooDeep(1, "Markdown nested too deeply to render; at most " + MAX_NESTING + " levels are allowed");
        }
    }

    /**
     * Levels a line opens: "> " and list markers at its start, and, on a line with a marker, every two spaces
     * of indentation (nested list items).
     */
    static int nesting(String line) {
        int depth = 0, spaces = 0, i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (depth == 0) spaces += c == ' ' ? 1 : 4; // indentation before the first marker: a nested item
                i++;
            } else if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == n || line.charAt(i + 1) == ' ')) {
                depth++;
                i++;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && j - i < 9 && Character.isDigit(line.charAt(j))) j++;
                if (j < n && (line.charAt(j) == '.' || line.charAt(j) == ')') && (j + 1 == n || line.charAt(j + 1) == ' ')) {
                    depth++;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return depth == 0 ? 0 : depth + spaces / 2;
    }

    /** The visible text of sanitized HTML, for feeds and e-mail. */
    public static String text(String html) {
        return Jsoup.parse(html).text();
    }
}
