package paperboy.render.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageMetaFeedLinksTest {

    @Test
    void themePagesAdvertiseTheirOwnFeedsFirst() {
        PageMeta theme = new PageMeta("Paper Digest", "Vision", "", "themes/vision/index.html", "../../",
                "https://example.org/digest/themes/vision/", List.of());
        assertThat(theme.feedLinks()).extracting(FeedLink::href).containsExactly(
                "../../themes/vision/feed.xml", "../../themes/vision/atom.xml", "../../themes/vision/feed.json",
                "../../feed.xml", "../../atom.xml", "../../feed.json");
        assertThat(theme.feedLinks().get(0).title()).isEqualTo("Paper Digest — Vision (RSS)");
        assertThat(theme.feedLinks().get(5).type()).isEqualTo("application/feed+json");
    }

    @Test
    void otherPagesAdvertiseTheSiteFeedsAndNoneWithoutABaseUrl() {
        PageMeta index = new PageMeta("Paper Digest", "Themes", "", "themes/index.html", "../", "https://example.org/t/", List.of());
        assertThat(index.feedLinks()).extracting(FeedLink::href).containsExactly("../feed.xml", "../atom.xml", "../feed.json");
        PageMeta noBase = new PageMeta("Paper Digest", "Home", "", "index.html", "", null, List.of());
        assertThat(noBase.feedLinks()).isEmpty();
    }
}
