package paperboy.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import paperboy.config.MarkdownConfig;

class MarkdownTest {
    private final Markdown md = new Markdown(MarkdownConfig.defaults());

    @Test
    void scriptInMarkdownNeverReachesThePage() {
        String html = md.toHtml("Hello\n\n<script>alert('x')</script>\n\n<div><script src=\"https://evil.example/x.js\"></script>ok</div>");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("alert").doesNotContain("evil.example");
        assertThat(html).contains("Hello").contains("ok");
    }

    @Test
    void eventHandlersAndJavascriptLinksAreStripped() {
        String html = md.toHtml("<p onclick=\"steal()\">click me</p>\n\n<img src=\"cat.png\" onerror=\"steal()\">\n\n"
                + "[link](javascript:steal()) and <a href=\"javascript:steal()\">raw</a>");
        assertThat(html).doesNotContain("onclick").doesNotContain("onerror").doesNotContain("javascript:")
                .doesNotContain("steal");
        assertThat(html).contains("<p>click me</p>").contains("<img src=\"cat.png\">");
    }

    @Test
    void tablesAutolinksFootnotesStrikethroughAndHeadingAnchors() {
        String html = md.toHtml("""
                ## Why it matters

                | model | score |
                |---|---|
                | A | 1 |

                See https://arxiv.org/abs/2503.10622 and ~~old news~~.[^1]

                [^1]: A footnote.
                """);
        assertThat(html).contains("<h2><a href=\"#why-it-matters\" id=\"why-it-matters\" class=\"anchor\">Why it matters</a></h2>");
        assertThat(html).contains("<table>").contains("<th>model</th>").contains("<td>1</td>");
        assertThat(html).contains("<a href=\"https://arxiv.org/abs/2503.10622\">https://arxiv.org/abs/2503.10622</a>");
        assertThat(html).contains("<del>old news</del>");
        assertThat(html).contains("<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>")
                .contains("<li id=\"fn-1\">");
    }

    @Test
    void relativeAndAnchorLinksAreKeptAsWritten() {
        assertThat(md.toHtml("[archive](../archive/index.html) [top](#top)"))
                .contains("<a href=\"../archive/index.html\">archive</a>").contains("<a href=\"#top\">top</a>");
    }

    @Test
    void basicSafelistDropsHeadingsAndImagesButKeepsText() {
        String html = new Markdown(new MarkdownConfig("basic")).toHtml("# Title\n\n![cat](cat.png) **bold**");
        assertThat(html).doesNotContain("<h1").doesNotContain("<img").contains("Title").contains("<strong>bold</strong>");
    }
}
