package paperboy.render.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The inliner's own matching of simple selectors must pick exactly the elements jsoup's selector engine picks. */
class SimpleSelectorTest {
    private static final String HTML = """
            <html><body class="Outer"><table class="outer"><tr><td class="pad card">
              <div class="head"><p class="brand">B</p><p class="links"><a href="#">x</a> <span><a id="Top">y</a></span></p></div>
              <div class="body note"><h2>H</h2><p class="item"><a class="t" href="#">t</a></p>
                <ul class="seen"><li><a href="#">s</a><span class="when">w</span></li></ul>
                <div class="note"><p>n <a>a</a></p><div><p class="abs">deep</p></div></div></div>
            </td></tr></table></body></html>""";

    @Test
    void matchesWhatJsoupMatches() {
        Document doc = Jsoup.parse(HTML);
        List<String> selectors = List.of("body", "table", ".outer", ".OUTER", ".pad", ".card", ".pad.card", "td.card",
                ".links a", ".seen li", ".seen a", ".note p", ".note a", ".body .note p", "div p", "div div p",
                ".head .links span a", "#Top", "a#Top", "#top", ".note .abs", "h2", "td .t", ".t", "p.item a.t",
                "DIV P", ".foot a", "ul li span.when");
        for (String selector : selectors) {
            CssInliner.SimpleSelector simple = CssInliner.SimpleSelector.parse(selector);
            assertThat(simple).as(selector).isNotNull();
            for (Element e : doc.getAllElements()) {
                assertThat(simple.matches(e)).as(selector + " on " + e.cssSelector())
                        .isEqualTo(doc.select(selector).contains(e));
            }
        }
    }

    @Test
    void leavesEverythingElseToJsoup() {
        for (String selector : List.of("a > b", "a + b", "a ~ b", "a:hover", "[href]", "*", "a, b", "a:first-child",
                "#a#b", "")) {
            assertThat(CssInliner.SimpleSelector.parse(selector)).as(selector).isNull();
        }
    }
}
