package paperboy.editorial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import paperboy.assemble.Keys;
import paperboy.model.Digest;
import paperboy.model.Editorial;
import paperboy.model.Note;
import paperboy.model.Paper;
import paperboy.model.SitePage;
import paperboy.model.SourceRef;
import paperboy.parse.ArxivIds;
import paperboy.problems.Problems;
import paperboy.text.CleanText;

/**
 * The editorial content as loaded, before it is tied to the digest: paper notes still name their paper as
 * written.
 */
public record EditorialSource(List<SitePage> pages, Map<LocalDate, Note> dayNotes, List<PaperNote> paperNotes) {

    /** A note on a paper named by title or arXiv id at {@code refAt}. */
    public record PaperNote(String paperRef, SourceRef refAt, Note note) {}

    public EditorialSource {
        pages = List.copyOf(pages);
        dayNotes = Map.copyOf(dayNotes);
        paperNotes = List.copyOf(paperNotes);
    }

    public static EditorialSource empty() {
        return new EditorialSource(List.of(), Map.of(), List.of());
    }

    /**
     * The digest with these pages and notes. A paper note naming no known paper is an error at its
     * {@code paper:} line; a day note for a day without listings is a warning (it is not shown).
     */
    public Digest attachTo(Digest digest, Problems problems) {
        TreeMap<LocalDate, Note> days = new TreeMap<>();
        dayNotes.forEach((date, note) -> {
            if (digest.day(date).isPresent()) {
                days.put(date, note);
            } else {
                problems.warning(note.source(), "no listings on " + date + ": this day note is not shown");
            }
        });
        // Built only when there are notes on papers: indexing every title costs a daily build a tenth of a second.
        PaperIndex index = paperNotes.isEmpty() ? null : new PaperIndex(digest.papers());
        TreeMap<String, Note> papers = new TreeMap<>();
        Map<String, SourceRef> firstNoteOn = new HashMap<>();
        for (PaperNote pn : paperNotes) {
            Optional<Paper> p = index.find(pn.paperRef);
            if (p.isEmpty()) {
                problems.error(pn.refAt, "paper: \"" + pn.paperRef + "\" names no paper in the digest; use its "
                        + "title as listed or its arXiv id");
                continue;
            }
            SourceRef earlier = firstNoteOn.putIfAbsent(p.get().slug(), pn.refAt);
            if (earlier != null) {
                problems.error(pn.refAt, "a second note on \"" + p.get().title() + "\" (the first is " + earlier.file()
                        + "); merge them into one");
                continue;
            }
            papers.put(p.get().slug(), pn.note);
        }
        return digest.withEditorial(new Editorial(new ArrayList<>(pages), days, papers));
    }

    /** Papers by arXiv id, by title key (as listed and as cleaned) and by slug. */
    private static final class PaperIndex {
        private final Map<String, Paper> byArxiv = new HashMap<>();
        private final Map<String, Paper> byTitle = new HashMap<>();
        private final Map<String, Paper> bySlug = new HashMap<>();

        PaperIndex(List<Paper> papers) {
            for (Paper p : papers) {
                p.arxivId().ifPresent(id -> byArxiv.putIfAbsent(id, p));
                byTitle.putIfAbsent(Keys.title(p.title()), p);
                byTitle.putIfAbsent(Keys.title(CleanText.clean(p.title())), p);
                bySlug.put(p.slug(), p);
            }
        }

        Optional<Paper> find(String ref) {
            Optional<String> id = ArxivIds.find(ref);
            if (id.isPresent()) return Optional.ofNullable(byArxiv.get(id.get()));
            return Optional.ofNullable(byTitle.get(Keys.title(ref))).or(() -> Optional.ofNullable(bySlug.get(ref)));
        }
    }
}
