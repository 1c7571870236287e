package paperboy.render.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import paperboy.render.RenderException;

class CssInlinerTest {

    private static Document inline(String html) {
        Document doc = Jsoup.parse(html);
        CssInliner.inline(doc);
        return doc;
    }

    @Test
    void followsTheCascade() {
        Document doc = inline("""
                <style>
                p { color: red; margin: 0 }
                .x { color: green }
                p { color: blue }
                #id p.x { color: purple }
                a { color: black !important }
                </style>
                <div id="id"><p class="x">a</p></div><p>b</p><p class="x">c</p>
                <a style="color: orange; font-weight: bold">d</a>""");
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.select("#id p").attr("style")).isEqualTo("color:purple;margin:0");
        assertThat(doc.select("p").get(1).attr("style")).isEqualTo("color:blue;margin:0");
        assertThat(doc.select("p").get(2).attr("style")).isEqualTo("color:green;margin:0"); // class beats element
        // An important rule beats the element's own style; the rest of its own style stays.
        assertThat(doc.select("a").attr("style")).isEqualTo("color:black !important;font-weight:bold");
    }

    @Test
    void ownStyleBeatsOrdinaryRules() {
        Document doc = inline("<style>td { padding: 4px; color: red }</style><table><tr><td style=\"color: blue\">x</td></tr></table>");
        assertThat(doc.select("td").attr("style")).isEqualTo("padding:4px;color:blue");
    }

    @Test
    void refusesWhatCannotBeInlined() {
        assertThatThrownBy(() -> inline("<style>@media (max-width: 600px) { p { color: red } }</style><p>x</p>"))
                .isInstanceOf(RenderException.class).hasMessageContaining("cannot inline @media");
        assertThatThrownBy(() -> inline("<style>a:hover { color: red }</style><a>x</a>"))
                .isInstanceOf(RenderException.class).hasMessageContaining("a:hover");
        assertThatThrownBy(() -> inline("<style>p { color: </style><p>x</p>"))
                .isInstanceOf(RenderException.class);
    }
}
