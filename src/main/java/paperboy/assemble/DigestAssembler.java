package paperboy.assemble;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.problems.Problems;
import paperboy.parse.RawEntry;
import paperboy.parse.Snapshot;
import paperboy.text.CleanText;

/**
 * Turns parsed snapshots into the digest: merges snapshots of one day, recognises one paper across
 * listings (by title key, else by abstract key), hands out slugs, marks new / seen-before, and assigns themes.
 * Linear in the number of listings: every lookup is a hash lookup.
 */
public final class DigestAssembler {
    private final ThemeAssigner themes;

    public DigestAssembler(ThemeAssigner themes) {
        this.themes = themes;
    }

    /** @param snapshots sorted by date then file, as {@link paperboy.parse.ContentLoader} returns them */
    public Digest assemble(List<Snapshot> snapshots, Problems problems) {
        Identities ids = new Identities();
        Map<LocalDate, DayBuilder> days = new TreeMap<>();
        // The identity keys are the costly part of assembly: compute them on every core first.
        List<List<EntryKeys>> keys = snapshots.parallelStream()
                .map(s -> s.entries().stream().map(EntryKeys::of).toList())
                .toList();
        for (int si = 0; si < snapshots.size(); si++) {
            Snapshot s = snapshots.get(si);
            DayBuilder day = days.computeIfAbsent(s.date(), DayBuilder::new);
            day.sources.add(s.file());
            for (int ei = 0; ei < s.entries().size(); ei++) {
                RawEntry e = s.entries().get(ei);
                PaperBuilder p = ids.resolve(e, keys.get(si).get(ei), problems);
                p.seen(s.date(), e);
                SourceRef earlier = day.listings.putIfAbsent(p, e.titleAt());
                e.upvotes().ifPresent(n -> day.upvotes.merge(p, n, Math::max));
                if (earlier != null && earlier.file().equals(e.titleAt().file())) {
                    problems.warning(e.titleAt(), "\"" + e.title() + "\" is listed twice in this file (first at line "
                            + earlier.line() + "); kept one listing");
                }
            }
        }

        Slugs slugs = new Slugs();
        Map<PaperBuilder, String> slugOf = new HashMap<>();
        for (PaperBuilder p : ids.inFirstSeenOrder()) {
            slugOf.put(p, slugs.unique(CleanText.clean(p.title)));
        }
        List<Paper> papers = ids.inFirstSeenOrder().stream()
                .map(p -> p.build(slugOf.get(p)))
                .sorted(Comparator.comparing(Paper::slug))
                .toList();

        List<Day> dayList = days.values().stream().map(d -> d.build(slugOf)).toList();
        return themes.assign(papers, problems).applyTo(Digest.of(dayList, papers, List.of()));
    }

    private record EntryKeys(String title, Optional<String> abstractText) {
        static EntryKeys of(RawEntry e) {
            return new EntryKeys(Keys.title(e.title()), e.abstractText().flatMap(Keys::abstractText));
        }
    }

    /**
     * Finds the paper a listing belongs to, creating it on first sight. An arXiv id, where known, is the
     * strongest identity: it wins over the title and abstract keys, and two listings with different ids are
     * different papers even when their titles match. An id learned later attaches to the paper found by title.
     */
    private static final class Identities {
        private final Map<String, PaperBuilder> byArxiv = new HashMap<>();
        private final Map<String, PaperBuilder> byTitle = new HashMap<>();
        private final Map<String, PaperBuilder> byAbstract = new HashMap<>();
        private final List<PaperBuilder> order = new ArrayList<>();

        PaperBuilder resolve(RawEntry e, EntryKeys k, Problems problems) {
            String titleKey = k.title();
            Optional<String> abstractKey = k.abstractText();
            PaperBuilder p = e.arxivId().map(byArxiv::get).orElse(null);
            if (p == null) {
                p = byTitle.get(titleKey);
                if (p == null && abstractKey.isPresent()) p = byAbstract.get(abstractKey.get());
                if (p != null && e.arxivId().isPresent() && p.arxivId.isPresent()) {
                    problems.warning(e.titleAt(), "\"" + e.title() + "\" has arXiv id " + e.arxivId().get()
                            + " but a paper with the same title or abstract has " + p.arxivId.get()
                            + " (first at " + p.firstSource + "); kept as two papers");
                    p = null;
                }
            }
            if (p == null) {
                p = new PaperBuilder(e);
                order.add(p);
            }
            if (e.arxivId().isPresent() && p.arxivId.isEmpty()) p.arxivId = e.arxivId();
            if (p.arxivId.isPresent()) byArxiv.putIfAbsent(p.arxivId.get(), p);
            byTitle.putIfAbsent(titleKey, p);
            if (abstractKey.isPresent()) byAbstract.putIfAbsent(abstractKey.get(), p);
            return p;
        }

        List<PaperBuilder> inFirstSeenOrder() {
            return order;
        }
    }

    /** Mutable accumulator for one paper, local to one assembly. Identity equality on purpose. */
    private static final class PaperBuilder {
        final String title;
        final SourceRef firstSource;
        Optional<String> abstractText;
        Optional<String> arxivId = Optional.empty();
        List<String> authors = List.of();
        /** The count of the latest day whose listing carried one (the highest of that day's listings). */
        LocalDate upvotesDay;
        int upvotes;
        final Set<String> titles = new LinkedHashSet<>();
        final Set<String> abstracts = new LinkedHashSet<>();
        final TreeSet<LocalDate> days = new TreeSet<>();

        PaperBuilder(RawEntry first) {
            this.title = first.title();
            this.firstSource = first.titleAt();
            this.abstractText = first.abstractText();
        }

        void seen(LocalDate date, RawEntry e) {
            days.add(date);
            titles.add(e.title());
            e.abstractText().ifPresent(abstracts::add);
            if (abstractText.isEmpty()) abstractText = e.abstractText(); // a later listing filled the gap
            if (authors.isEmpty()) authors = e.authors();
            if (e.upvotes().isPresent()) {
                int n = e.upvotes().getAsInt();
                if (upvotesDay == null || date.isAfter(upvotesDay)) {
                    upvotesDay = date;
                    upvotes = n;
                } else if (date.equals(upvotesDay)) {
                    upvotes = Math.max(upvotes, n);
                }
            }
        }

        Paper build(String slug) {
            return new Paper(slug, title, abstractText, List.copyOf(days), titles.size() - 1,
                    Math.max(0, abstracts.size() - 1), List.of(), List.of(), firstSource, arxivId, authors,
                    upvotesDay == null ? OptionalInt.empty() : OptionalInt.of(upvotes));
        }
    }

    private static final class DayBuilder {
        final LocalDate date;
        final List<Path> sources = new ArrayList<>();
        final LinkedHashMap<PaperBuilder, SourceRef> listings = new LinkedHashMap<>();
        final Map<PaperBuilder, Integer> upvotes = new HashMap<>();

        DayBuilder(LocalDate date) {
            this.date = date;
        }

        Day build(Map<PaperBuilder, String> slugOf) {
            List<Listing> out = new ArrayList<>();
            int position = 1;
            for (Map.Entry<PaperBuilder, SourceRef> e : listings.entrySet()) {
                List<LocalDate> earlier = List.copyOf(e.getKey().days.headSet(date, false));
                Integer n = upvotes.get(e.getKey());
                out.add(new Listing(slugOf.get(e.getKey()), date, position++, earlier, e.getValue(),
                        n == null ? OptionalInt.empty() : OptionalInt.of(n)));
            }
            return new Day(date, out, sources);
        }
    }
}
