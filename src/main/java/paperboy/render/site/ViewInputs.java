package paperboy.render.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Note;
import paperboy.model.Paper;

/**
 * The parts of the digest that the view model of a day or paper page is made from ({@link Views#dayPage},
 * {@link Views#paperPage}), gathered without building the view: an incremental build fingerprints these
 * instead of the view, so it finds the pages a new day changed without building every page's view model.
 *
 * <p>Must name everything those views read (besides the config and templates, which the build cache checks on
 * its own): a part left out would leave a page stale. Taking more than the view shows is safe, only slower.
 */
public final class ViewInputs {
    private final Digest digest;
    private final paperboy.render.ArchiveDays days;
    private final List<ThemeName> themes;
    private final List<NavItem> nav;

    /** What a link to a day shows besides its date: {@link Views#dayRef}. */
    public record DayLabel(LocalDate date, int count, long newCount) {}

    /** What a page shows of a theme, in the digest's theme order (day pages sort their sections by it). */
    public record ThemeName(String slug, String name) {}

    /** A link of the navigation (the site's own pages). */
    public record NavItem(String title, String path) {}

    /** What a paper page shows of a related paper. */
    public record RelatedLine(String slug, String title, DayLabel firstSeen) {}

    /** What a day page shows of a paper it lists. */
    public record PaperLine(String slug, String title, Optional<String> abstractRaw, List<String> themes,
                            DayLabel firstSeen, Optional<String> arxivId) {}

    /** A listing of a day: its place, the paper, the earlier days it was listed on, that day's upvotes. */
    public record ListingLine(int position, PaperLine paper, List<DayLabel> earlierDays, OptionalInt upvotes) {}

    /**
     * The inputs of a paper's page: the paper's fields that the page shows (not where it was read: a moved
     * content folder or a shifted line changes no page).
     */
    public record PaperInputs(String slug, String title, Optional<String> abstractRaw, List<DayLabel> days,
                              int titleVariants, int abstractVariants, List<String> themeSlugs,
                              List<RelatedLine> related, Optional<String> arxivId, List<String> authors,
                              List<ThemeName> themes, Optional<String> note, List<NavItem> nav,
                              OptionalInt upvotes) {}

    /** The inputs of a day's page. */
    public record DayInputs(DayLabel day, List<ListingLine> listings, Optional<DayLabel> previous,
                            Optional<DayLabel> next, List<ThemeName> themes, Optional<String> note,
                            List<NavItem> nav) {}

    public ViewInputs(Digest digest) {
        this(digest, paperboy.render.ArchiveDays.counted(digest));
    }

    /** With the days' counts of the build: no day read for its label. */
    public ViewInputs(Digest digest, paperboy.render.ArchiveDays days) {
        this.digest = digest;
        this.days = days;
        this.themes = digest.themes().stream().map(t -> new ThemeName(t.slug(), t.name())).toList();
        this.nav = digest.editorial().pages().stream().map(p -> new NavItem(p.title(), p.path())).toList();
    }

    public PaperInputs paper(Paper p) {
        List<RelatedLine> related = p.related().stream().map(digest::paper)
                .map(r -> new RelatedLine(r.slug(), r.title(), label(r.firstSeen()))).toList();
        return new PaperInputs(p.slug(), p.title(), p.abstractRaw(), p.days().stream().map(this::label).toList(),
                p.titleVariants(), p.abstractVariants(), p.themes(), related, p.arxivId(), p.authors(), themes,
                digest.paperNote(p.slug()).map(Note::html), nav, p.upvotes());
    }

    /** @param index the day's place in the digest's days (its neighbours are linked) */
    public DayInputs day(Day d, int index) {
        List<ListingLine> listings = new ArrayList<>(d.listings().size());
        for (Listing l : d.listings()) {
            listings.add(new ListingLine(l.position(), line(digest.paper(l.paperSlug())),
                    l.earlierDays().stream().map(this::label).toList(), l.upvotes()));
        }
        Optional<DayLabel> previous = index > 0 ? Optional.of(label(days.date(index - 1))) : Optional.empty();
        Optional<DayLabel> next = index + 1 < days.size() ? Optional.of(label(days.date(index + 1)))
                : Optional.empty();
        return new DayInputs(label(d.date()), listings, previous, next, themes,
                digest.dayNote(d.date()).map(Note::html), nav);
    }

    private PaperLine line(Paper p) {
        // The arXiv id decides the listing's links (PaperLinks): a later listing may bring one the first lacked.
        return new PaperLine(p.slug(), p.title(), p.abstractRaw(), p.themes(), label(p.firstSeen()), p.arxivId());
    }

    /** A date the digest has no day for shows zero counts, as {@link Views#dayRef} does. */
    private DayLabel label(LocalDate date) {
        java.util.OptionalInt i = days.indexOf(date);
        return i.isPresent() ? new DayLabel(date, days.listings(i.getAsInt()), days.newCount(i.getAsInt()))
                : new DayLabel(date, 0, 0);
    }
}
