package paperboy.render.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.render.Output;
import paperboy.testing.Samples;

class NewslettersTest {
    /** Gmail clips messages whose HTML is larger than this. */
    static final int GMAIL_CLIP_BYTES = 102 * 1024;

    private static Digest sample;
    private static Map<String, Output> out;

    @BeforeAll
    static void renderSample() {
        sample = Samples.sampleDigest();
        out = render(sample);
    }

    static Map<String, Output> render(Digest d) {
        return new Newsletters().render(d, Samples.context(Samples.config())).stream()
                .collect(Collectors.toMap(Output::path, Function.identity()));
    }

    static String text(Output o) {
        return new String(o.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void everySampleDayHasAnEditionUnderGmailsClipSizeFullyInlined() {
        assertThat(out).hasSize(3 * sample.days().size());
        for (Day day : sample.days()) {
            Output html = out.get("newsletter/" + day.date() + ".html");
            assertThat(html.bytes().length).as(day.date() + " html size").isLessThan(GMAIL_CLIP_BYTES);
            Document doc = Jsoup.parse(text(html));
            assertThat(doc.select("style, link, script")).as("no style, link or script").isEmpty();
            assertThat(doc.select("[class]")).isEmpty();
            for (Element e : doc.body().select("body, table, td, div, p, h2, h3, a, ul, li, span")) {
                if (e.tagName().equals("table") && !e.hasAttr("role")) continue;
                assertThat(e.attr("style")).as("style on " + e.cssSelector()).isNotBlank();
            }
            for (Element a : doc.select("a[href]")) {
                // Into the site, or on to the paper (arXiv, Hugging Face): absolute either way.
                assertThat(a.attr("href")).as("absolute link")
                        .matches("https://(example\\.org/digest/|arxiv\\.org/|huggingface\\.co/).*");
            }
            assertThat(doc.text()).contains(day.listings().size() + " papers, " + day.newCount() + " new");
            assertThat(doc.select("a[href=https://example.org/digest/unsubscribe]").text()).isEqualTo("Unsubscribe");
            assertThat(doc.select("a[href=https://example.org/digest/feed.xml]")).isNotEmpty();
            assertThat(doc.select("a[href=https://example.org/digest/days/" + day.date() + "/]")).isNotEmpty();
        }
    }

    @Test
    void theMarch14EditionListsNewAndSeenBeforePapers() {
        Document doc = Jsoup.parse(text(out.get("newsletter/2025-03-14.html")));
        assertThat(doc.title()).isEqualTo("Paper Digest — Mar 14: 54 papers (47 new)");
        assertThat(doc.select("h2").eachText()).containsExactly("New today (47)", "Seen before (7)");
        assertThat(doc.select("li")).hasSize(7);
        assertThat(doc.select("li").get(0).text()).isEqualTo("Discrete Key-Value Bottleneck · first seen Mar 11");
        // Long abstracts are cut at a word boundary and link to the paper page.
        Element more = doc.select("a:containsOwn(Read more)").first();
        assertThat(more).isNotNull();
        String teaser = more.parent().ownText();
        assertThat(teaser).endsWith("…").hasSizeLessThanOrEqualTo(Editions.TEASER_CHARS + 1);
        assertThat(more.attr("href")).startsWith("https://example.org/digest/papers/");
    }

    @Test
    void newPapersAreGroupedByThemeWhenThereAreThemes() {
        Map<String, Output> themed = render(Samples.themedDigest());
        Document d2 = Jsoup.parse(text(themed.get("newsletter/2025-03-13.html")));
        assertThat(d2.select("h3").eachText()).containsExactly("Vision & Images (1)");
        Document d3 = Jsoup.parse(text(themed.get("newsletter/2025-03-14.html")));
        assertThat(d3.select("h3").eachText()).containsExactly("Other papers (1)");
        Document d1 = Jsoup.parse(text(themed.get("newsletter/2025-03-11.html")));
        assertThat(d1.select("h3").eachText()).containsExactly("Vision & Images (1)", "Language (1)");
        // The title with markup is text in the e-mail, not markup.
        assertThat(d1.select("a:containsOwn(bold)").text()).isEqualTo(Samples.NASTY_TITLE);
        assertThat(d1.select("b:containsOwn(bold)")).isEmpty();
    }

    @Test
    void plainTextIsWrappedAt78ColumnsWithFootnoteLinks() {
        for (Day day : sample.days()) {
            String txt = text(out.get("newsletter/" + day.date() + ".txt"));
            List<String> lines = txt.lines().toList();
            for (String line : lines) {
                if (line.matches("\\[\\d+] https://\\S+")) continue; // a footnote URL is never broken
                assertThat(line.length()).as(day.date() + ": " + line).isLessThanOrEqualTo(PlainTextEdition.WIDTH);
            }
            Matcher m = Pattern.compile("\\[(\\d+)]").matcher(txt.substring(0, txt.indexOf("\nLinks:\n")));
            while (m.find()) {
                assertThat(txt).contains("\n[" + m.group(1) + "] https://");
            }
            assertThat(txt).contains(day.listings().size() + " papers, " + day.newCount() + " new");
        }
    }

    @Test
    void emlIsMultipartAlternativeWithTextAndHtmlAndTheRightHeaders() throws Exception {
        byte[] eml = out.get("newsletter/2025-03-14.eml").bytes();
        MimeMessage m = new MimeMessage(MimeEdition.offlineSession(), new ByteArrayInputStream(eml));
        assertThat(m.getSubject()).isEqualTo("Paper Digest — Mar 14: 54 papers (47 new)");
        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?"); // encoded, 7-bit safe
        assertThat(m.getFrom()[0].toString()).isEqualTo("Paper Digest <digest@example.org>");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(m.getHeader("Date")[0]).isEqualTo("Fri, 14 Mar 2025 00:00:00 +0000");
        assertThat(m.getMessageID()).matches("<2025-03-14\\.[0-9a-f]{8}@example\\.org>");
        assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://example.org/digest/unsubscribe>");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(2);
        BodyPart textPart = mp.getBodyPart(0), htmlPart = mp.getBodyPart(1);
        assertThat(textPart.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(htmlPart.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        // MIME text travels with CRLF line ends.
        assertThat(((String) textPart.getContent()).replace("\r\n", "\n")).isEqualTo(text(out.get("newsletter/2025-03-14.txt")));
        assertThat(((String) htmlPart.getContent()).replace("\r\n", "\n")).isEqualTo(text(out.get("newsletter/2025-03-14.html")));
        for (byte b : eml) assertThat(b & 0xff).as("7-bit transport safe").isLessThan(128);
    }

    @Test
    void sameInputSameBytesEmlIncluded() {
        Map<String, Output> again = render(sample);
        out.forEach((path, o) -> assertThat(again.get(path).bytes()).as(path).isEqualTo(o.bytes()));
    }
}
