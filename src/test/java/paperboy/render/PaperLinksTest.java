package paperboy.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.render.view.PaperLink;

class PaperLinksTest {
    static Paper paper(Optional<String> arxiv) {
        return new Paper("p", "T", Optional.empty(), List.of(LocalDate.of(2025, 3, 14)), 0, 0, List.of(), List.of(),
                SourceRef.of(Path.of("x.txt"), 1), arxiv, List.of());
    }

    @Test
    void webAddressesInAnAbstractBecomeLinksAndEverythingElseStaysText() {
        assertThat(PaperLinks.linkify("Code at https://github.com/a/b. See <b>x</b> & \"y\"."))
                .isEqualTo("Code at <a href=\"https://github.com/a/b\" rel=\"nofollow noopener\">https://github.com/a/b</a>. "
                        + "See &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;.");
        assertThat(PaperLinks.linkify("(http://x.org/p?a=1&b=2), javascript:alert(1) and ftp://h/f"))
                .isEqualTo("(<a href=\"http://x.org/p?a=1&amp;b=2\" rel=\"nofollow noopener\">http://x.org/p?a=1&amp;b=2</a>), "
                        + "javascript:alert(1) and ftp://h/f");
        assertThat(PaperLinks.linkify("https://\"onmouseover=alert(1)")).doesNotContain("<a");
    }

    @Test
    void withAnArxivIdTheAbstractPdfAndHuggingFacePageOtherwiseLabelledSearches() {
        assertThat(PaperLinks.of(paper(Optional.of("2503.10001")), "T")).extracting(PaperLink::href).containsExactly(
                "https://arxiv.org/abs/2503.10001", "https://arxiv.org/pdf/2503.10001", "https://huggingface.co/papers/2503.10001");
        assertThat(PaperLinks.of(paper(Optional.empty()), "Therefore I am. I Think")).satisfiesExactly(
                a -> assertThat(a).isEqualTo(new PaperLink("Find on arXiv",
                        "https://arxiv.org/search/?searchtype=title&query=Therefore+I+am.+I+Think", true)),
                h -> assertThat(h).isEqualTo(new PaperLink("Find on Hugging Face",
                        "https://huggingface.co/papers?q=Therefore+I+am.+I+Think", true)));
    }
}
