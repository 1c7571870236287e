package paperboy.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import paperboy.model.Paper;
import paperboy.render.view.PaperLink;

/**
 * The way from a paper to its text: with an arXiv id, its abstract page, PDF and Hugging Face paper page;
 * without one, labelled searches that find it by title (arXiv's title search and Hugging Face's paper search).
 * And abstracts as HTML with their web addresses made links.
 */
public final class PaperLinks {
    /** http(s) URLs up to whitespace or a closing bracket/quote; trailing punctuation is not part of them. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]{}]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,;:!?";

    private PaperLinks() {}

    public static List<PaperLink> of(Paper p, String cleanTitle) {
        if (p.arxivId().isPresent()) {
            String id = p.arxivId().get();
            return List.of(new PaperLink("arXiv:" + id, "https://arxiv.org/abs/" + id, false),
                    new PaperLink("PDF", "https://arxiv.org/pdf/" + id, false),
                    new PaperLink("Hugging Face", "https://huggingface.co/papers/" + id, false));
        }
        String q = URLEncoder.encode(cleanTitle, StandardCharsets.UTF_8);
        return List.of(
                new PaperLink("Find on arXiv", "https://arxiv.org/search/?searchtype=title&query=" + q, true),
                new PaperLink("Find on Hugging Face", "https://huggingface.co/papers?q=" + q, true));
    }

    /**
     * The text escaped as HTML, with every http or https address a link ({@code rel="nofollow noopener"}).
     * Nothing else in the text becomes markup.
     */
    public static String linkify(String text) {
        // Most abstracts hold no address: a plain scan for "://" spares them the case-insensitive regex.
        if (!text.contains("://")) return Entities.escape(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) end--;
            url = url.substring(0, end);
            if (url.length() <= "https://".length()) continue;
            out.append(Entities.escape(text.substring(at, m.start())));
            String escaped = Entities.escape(url);
            out.append("<a href=\"").append(escaped).append("\" rel=\"nofollow noopener\">").append(escaped).append("</a>");
            at = m.start() + url.length();
        }
        out.append(Entities.escape(text.substring(at)));
        return out.toString();
    }

    /** The first sentence-sized part of an abstract, for one line under a title. */
    public static String snippet(String abstractText) {
        return PaperTexts.teaser(abstractText, 160);
    }
}
