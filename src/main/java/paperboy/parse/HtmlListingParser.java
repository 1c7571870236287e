package paperboy.parse;

import paperboy.problems.Problems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import paperboy.model.SourceRef;

/**
 * Reads a saved HTML page of one day's listing. Each paper is an {@code <article>} card: its {@code <h3>} is the
 * title, its {@code p.abstract} (else its first {@code <p>} that is not {@code .authors}) the abstract, a link to
 * arxiv.org or huggingface.co/papers gives the arXiv id, and {@code .authors} (comma-separated) or
 * {@code .author} elements the authors.
 *
 * <p>The listing date is, in order: the first {@code <time datetime="YYYY-MM-DD">}, a {@code date=YYYY-MM-DD} in
 * the page's canonical or og:url link (the daily page's own URL carries it), or the file name.
 */
public final class HtmlListingParser {

    public List<Snapshot> parse(Path file, String html, Problems problems) {
        String start = html.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            problems.error(SourceRef.of(file, 1), "this looks like JSON, not HTML: rename it to .json");
            return List.of();
        }
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        Elements cards = doc.select("article:has(h3)");
        if (cards.isEmpty()) {
            problems.error(SourceRef.of(file, 1), "no paper cards: a saved listing page has one <article> per paper "
                    + "with an <h3> title");
            return List.of();
        }
        Optional<Dated> found = date(file, doc).or(() -> ListingDates.fromFileName(file)
                .map(d -> new Dated(d, "the date in the file name (" + d + ")", SourceRef.of(file, 1))));
        if (found.isEmpty()) {
            problems.error(SourceRef.of(file, 1), "no listing date: add <time datetime=\"2025-03-14\">, keep the page's "
                    + "canonical link (…?date=2025-03-14), or name the file after its day (2025-03-14.html)");
        }
        Optional<LocalDate> date = found.flatMap(d -> ListingDates.inYears(d.date(), d.written(), d.at(), problems));
        List<RawEntry> entries = new ArrayList<>();
        for (Element card : cards) {
            entry(file, card, problems).ifPresent(entries::add);
        }
        for (Element article : doc.select("article:not(:has(h3))")) {
            problems.warning(at(file, article), "an <article> without an <h3> title; skipped");
        }
        return date.map(d -> List.of(new Snapshot(file, d, entries))).orElse(List.of());
    }

    private static Optional<RawEntry> entry(Path file, Element card, Problems problems) {
        Element h3 = card.selectFirst("h3");
        SourceRef at = at(file, h3);
        String title = Lines.normalize(h3.text());
        if (title.isEmpty()) {
            problems.error(at, "empty <h3>: a paper card needs its title");
            return Optional.empty();
        }
        Element abs = card.selectFirst("p.abstract");
        if (abs == null) abs = card.select("p").stream().filter(p -> !p.hasClass("authors")).findFirst().orElse(null);
        Optional<String> abstractText = Optional.ofNullable(abs).map(e -> Lines.normalize(e.text())).filter(s -> !s.isEmpty());
        if (abstractText.isEmpty()) {
            problems.warning(at, "title without an abstract: \"" + title + "\" (kept, shown without abstract)");
        }
        Optional<String> arxivId = card.select("a[href]").stream()
                .map(a -> ArxivIds.inUrl(a.attr("href")))
                .flatMap(Optional::stream)
                .findFirst();
        return Optional.of(new RawEntry(title, abstractText, at, arxivId, authors(card)));
    }

    private static List<String> authors(Element card) {
        Elements each = card.select(".author");
        if (!each.isEmpty()) return each.stream().map(e -> Lines.normalize(e.text())).filter(s -> !s.isEmpty()).toList();
        Element list = card.selectFirst(".authors");
        if (list == null) return List.of();
        return Arrays.stream(list.text().split("[,;]| and "))
                .map(Lines::normalize).filter(s -> !s.isEmpty()).toList();
    }

    /** A listing date, as the page wrote it and where. */
    private record Dated(LocalDate date, String written, SourceRef at) {}

    private static Optional<Dated> date(Path file, Document doc) {
        for (Element t : doc.select("time[datetime]")) {
            Optional<LocalDate> d = ListingDates.firstIso(t.attr("datetime"));
            if (d.isPresent()) return Optional.of(new Dated(d.get(), "<time datetime=\"" + t.attr("datetime") + "\">", at(file, t)));
        }
        for (Element link : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            String url = link.hasAttr("href") ? link.attr("href") : link.attr("content");
            int i = url.indexOf("date=");
            if (i >= 0) {
                Optional<LocalDate> d = ListingDates.firstIso(url.substring(i));
                if (d.isPresent()) return Optional.of(new Dated(d.get(), "the date in \"" + url + "\"", at(file, link)));
            }
        }
        return Optional.empty();
    }

    private static SourceRef at(Path file, Element e) {
        Range.Position p = e.sourceRange().start();
        return p.lineNumber() > 0 ? new SourceRef(file, p.lineNumber(), p.columnNumber()) : SourceRef.of(file, 1);
    }
}
