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
        Assembly a = assembleKeeping(snapshots, problems);
        return themes.assign(a.digest().papers(), problems).applyTo(a.digest());
    }

    /**
     * A digest assembled from where an earlier assembly stopped, and what the next must know to go on: without
     * themes (the build assigns them) and editorial.
     */
    public record Assembly(Digest digest, PaperIdentities identities) {}

    /** As {@link #assemble}, without themes, keeping the identities to go on from. */
    public Assembly assembleKeeping(List<Snapshot> snapshots, Problems problems) {
        return run(new Identities(Optional.empty()), snapshots, problems);
    }

    /**
     * {@code before} with {@code snapshots} added after it: the same digest and identities as assembling all the
     * listings at once, reading only the new ones. Empty when that cannot be told so cheaply: a snapshot for a day
     * not after {@code before}'s latest, or a paper listed again that now shows what its earlier listings lacked
     * (an arXiv id, an abstract, authors) and so reads differently to the themes and on earlier pages.
     */
    public Optional<Assembly> append(Assembly before, List<Snapshot> snapshots, Problems problems) {
        Optional<LocalDate> latest = before.digest().latestDay().map(Day::date);
        if (latest.isEmpty() || snapshots.stream().anyMatch(s -> !s.date().isAfter(latest.get()))) return Optional.empty();
        Identities ids = new Identities(Optional.of(before));
        Assembly after = run(ids, snapshots, problems);
        for (PaperBuilder p : ids.earlier.values()) {
            Paper was = before.digest().paper(p.slug);
            if (!p.abstractText.equals(was.abstractRaw()) || !p.arxivId.equals(was.arxivId())
                    || !p.authors.equals(was.authors())) {
                return Optional.empty();
            }
        }
        return Optional.of(after);
    }

    private Assembly run(Identities ids, List<Snapshot> snapshots, Problems problems) {
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

        Map<String, Paper> before = ids.before.map(b -> b.digest().papersBySlug()).orElse(Map.of());
        Slugs slugs = new Slugs(before::containsKey);
        for (PaperBuilder p : ids.inFirstSeenOrder()) p.slug = slugs.unique(CleanText.clean(p.title));
        if (ids.before.isPresent()) {
            // The earlier digest is neither copied nor read beyond the papers listed again (see Digest#appended).
            Map<String, Paper> revised = new HashMap<>();
            ids.earlier.values().forEach(p -> revised.put(p.slug, p.build()));
            List<Paper> added = ids.inFirstSeenOrder().stream().map(PaperBuilder::build).toList();
            List<Day> newDays = days.values().stream().map(DayBuilder::build).toList();
            return new Assembly(ids.before.get().digest().appended(newDays, revised, added), ids.identities());
        }
        List<Paper> papers = new ArrayList<>();
        ids.inFirstSeenOrder().forEach(p -> papers.add(p.build()));
        papers.sort(Comparator.comparing(Paper::slug));

        List<Day> dayList = new ArrayList<>();
        days.values().forEach(d -> dayList.add(d.build()));
        return new Assembly(Digest.of(dayList, papers, List.of()), ids.identities());
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
     * Going on from an earlier assembly, a key is looked up among its owners too, and a paper it found is taken
     * up again ({@link #earlier}).
     */
    private static final class Identities {
        private final Map<String, PaperBuilder> byArxiv = new HashMap<>();
        private final Map<String, PaperBuilder> byTitle = new HashMap<>();
        private final Map<String, PaperBuilder> byAbstract = new HashMap<>();
        private final List<PaperBuilder> order = new ArrayList<>();
        final Optional<Assembly> before;
        /** papers of the earlier assembly listed again, by slug */
        final Map<String, PaperBuilder> earlier = new TreeMap<>();

        Identities(Optional<Assembly> before) {
            this.before = before;
        }

        PaperBuilder resolve(RawEntry e, EntryKeys k, Problems problems) {
            String titleKey = k.title();
            Optional<String> abstractKey = k.abstractText();
            PaperBuilder p = e.arxivId().map(a -> find(byArxiv, PaperIdentities.Kind.ARXIV, a)).orElse(null);
            if (p == null) {
                p = find(byTitle, PaperIdentities.Kind.TITLE, titleKey);
                if (p == null && abstractKey.isPresent()) p = find(byAbstract, PaperIdentities.Kind.ABSTRACT, abstractKey.get());
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
            if (p.arxivId.isPresent()) register(byArxiv, PaperIdentities.Kind.ARXIV, p.arxivId.get(), p);
            register(byTitle, PaperIdentities.Kind.TITLE, titleKey, p);
            if (abstractKey.isPresent()) register(byAbstract, PaperIdentities.Kind.ABSTRACT, abstractKey.get(), p);
            return p;
        }

        private PaperBuilder find(Map<String, PaperBuilder> keys, PaperIdentities.Kind kind, String key) {
            PaperBuilder p = keys.get(key);
            if (p != null || before.isEmpty()) return p;
            return before.get().identities().owner(kind, key).map(this::takenUp).orElse(null);
        }

        /** A key belongs to the first paper listed with it. */
        private void register(Map<String, PaperBuilder> keys, PaperIdentities.Kind kind, String key, PaperBuilder p) {
            if (before.isPresent() && before.get().identities().owner(kind, key).isPresent()) return;
            keys.putIfAbsent(key, p);
        }

        private PaperBuilder takenUp(String slug) {
            return earlier.computeIfAbsent(slug, s -> {
                Assembly b = before.get();
                Paper p = b.digest().paper(s);
                return new PaperBuilder(p, b.identities().variants().getOrDefault(s, PaperIdentities.Variants.of(p)));
            });
        }

        List<PaperBuilder> inFirstSeenOrder() {
            return order;
        }

        /** The owners of the keys, the earlier assembly's and this one's, and the papers' variants. */
        PaperIdentities identities() {
            // This assembly's keys over the earlier one's, not a copy of them (380,000 keys at ten years).
            Map<paperboy.text.Hash128.Value, String> owners = before.isPresent()
                    ? new Overlay<>(before.get().identities().owners()) : new HashMap<>();
            Map<String, PaperIdentities.Variants> variants = before.isPresent()
                    ? new Overlay<>(before.get().identities().variants()) : new HashMap<>();
            byArxiv.forEach((k, p) -> owners.put(PaperIdentities.key(PaperIdentities.Kind.ARXIV, k), p.slug));
            byTitle.forEach((k, p) -> owners.put(PaperIdentities.key(PaperIdentities.Kind.TITLE, k), p.slug));
            byAbstract.forEach((k, p) -> owners.put(PaperIdentities.key(PaperIdentities.Kind.ABSTRACT, k), p.slug));
            for (List<PaperBuilder> ps : List.of(order, List.copyOf(earlier.values()))) {
                for (PaperBuilder p : ps) {
                    if (p.titles.size() > 1 || p.abstracts.size() > 1) {
                        variants.put(p.slug, new PaperIdentities.Variants(List.copyOf(p.titles), List.copyOf(p.abstracts)));
                    }
                }
            }
            return new PaperIdentities(owners, variants);
        }
    }

    /** Mutable accumulator for one paper, local to one assembly. Identity equality on purpose. */
    private static final class PaperBuilder {
        /** handed out once every paper is known; an earlier assembly's paper has its own */
        String slug;
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

        /** An earlier assembly's paper, listed again. */
        PaperBuilder(Paper p, PaperIdentities.Variants v) {
            this.slug = p.slug();
            this.title = p.title();
            this.firstSource = p.firstSource();
            this.abstractText = p.abstractRaw();
            this.arxivId = p.arxivId();
            this.authors = p.authors();
            // Only compared with days after it: any of its days stands for the one whose listing had the count.
            this.upvotesDay = p.upvotes().isPresent() ? p.lastSeen() : null;
            this.upvotes = p.upvotes().orElse(0);
            titles.addAll(v.titles());
            abstracts.addAll(v.abstracts());
            days.addAll(p.days());
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

        Paper build() {
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

        Day build() {
            List<Listing> out = new ArrayList<>();
            int position = 1;
            for (Map.Entry<PaperBuilder, SourceRef> e : listings.entrySet()) {
                List<LocalDate> earlier = List.copyOf(e.getKey().days.headSet(date, false));
                Integer n = upvotes.get(e.getKey());
                out.add(new Listing(e.getKey().slug, date, position++, earlier, e.getValue(),
                        n == null ? OptionalInt.empty() : OptionalInt.of(n)));
            }
            return new Day(date, out, sources);
        }
    }
}
