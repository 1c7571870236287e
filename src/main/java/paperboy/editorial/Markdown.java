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

    /** The visible text of sanitized HTML, for feeds and e-mail. */
    public static String text(String html) {
        return Jsoup.parse(html).text();
    }
}
