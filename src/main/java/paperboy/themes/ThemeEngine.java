package paperboy.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import paperboy.assemble.Slugs;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.model.Paper;
import paperboy.model.Theme;
import paperboy.parse.Problems;

/**
 * Assigns themes: curated ones from a taxonomy first (when given), automatic clusters for the papers no curated
 * theme claims, "Other" for papers that fit nowhere; and related papers for every paper.
 */
final class ThemeEngine {
    static final String OTHER_SLUG = "other";

    private final TermAnalyzer analyzer;
    private final int minThemes;
    private final int maxThemes;

    ThemeEngine(TermAnalyzer analyzer, int minThemes, int maxThemes) {
        this.analyzer = analyzer;
        this.minThemes = minThemes;
        this.maxThemes = maxThemes;
    }

    /**
     * An automatic theme before slugs are handed out: for the build and for {@code themes --suggest}.
     *
     * @param typical the members closest to the theme's centre, closest first (at most 3)
     */
    record Found(String name, List<String> keywords, List<Integer> members, List<Integer> secondary,
                 List<Integer> typical) {}

    /** The automatic themes of the given papers, biggest first, and the papers that fit none. */
    record Clusters(Corpus corpus, List<Found> themes, List<Integer> other, int chosenK, double silhouette) {}

    Clusters cluster(List<Paper> papers) {
        Corpus corpus = Corpus.of(papers, analyzer);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) all.add(i);
        return cluster(corpus, all);
    }

    Clusters cluster(Corpus corpus, List<Integer> docs) {
        AutoClustering.Result r = AutoClustering.cluster(corpus, docs, minThemes, maxThemes);
        ThemeNamer namer = new ThemeNamer(corpus);
        List<Found> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (AutoClustering.Group g : r.groups()) {
            // Named after its fit-set members only, so papers added later do not rename it.
            List<Integer> fitMembers = g.members().stream().filter(i -> corpus.fit[i]).toList();
            ThemeNamer.Naming n = namer.name(fitMembers);
            String name = n.name();
            // Two themes with one name: tell them apart by their next keyword, "In-Context Learning (Gradient Descent)".
            for (String k : n.keywords()) {
                if (!names.contains(name)) break;
                String part = ThemeNamer.titleCase(k);
                if (!n.name().toLowerCase(Locale.ROOT).contains(k.toLowerCase(Locale.ROOT))) name = n.name() + " (" + part + ")";
            }
            for (int i = 2; names.contains(name); i++) name = n.name() + " (" + i + ")";
            names.add(name);
            double[] closeness = new double[fitMembers.size()];
            for (int m = 0; m < closeness.length; m++) closeness[m] = corpus.vectors.get(fitMembers.get(m)).dot(g.centroid());
            List<Integer> typical = IntStream.range(0, closeness.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer m) -> -closeness[m]).thenComparingInt(m -> m))
                    .limit(3).map(fitMembers::get).toList();
            found.add(new Found(name, n.keywords(), g.members(), g.secondary(), typical));
        }
        return new Clusters(corpus, found, r.other(), r.chosenK(), r.silhouette());
    }

    Assignment assign(List<Paper> papers, Optional<Taxonomy> taxonomy, Problems problems) {
        return assign(papers, Corpus.analyse(papers, analyzer, AnalysisCache.NONE), taxonomy, problems);
    }

    /** @param analysed each paper's terms, same order */
    Assignment assign(List<Paper> papers, PaperTerms[] analysed, Optional<Taxonomy> taxonomy, Problems problems) {
        int n = papers.size();
        Optional<CuratedMatcher> matcher = taxonomy.map(t -> new CuratedMatcher(t, analyzer));
        int[][] curatedScores = new int[n][];
        Corpus corpus = Corpus.of(papers, analysed, FitSet.of(papers),
                matcher.<Corpus.StemSink>map(m -> (i, title, abs) -> curatedScores[i] = m.scores(title, abs)).orElse(null));
        // Per paper, its theme keys in order (primary first); a key is a curated slug or "auto:<i>".
        List<List<ThemeDraft>> themesOf = new ArrayList<>();
        for (int i = 0; i < n; i++) themesOf.add(new ArrayList<>());
        List<ThemeDraft> drafts = new ArrayList<>();

        // Related papers need only the vectors: find them while the themes are worked out.
        CompletableFuture<int[][]> related = CompletableFuture.supplyAsync(() -> RelatedPapers.compute(corpus));
        List<Integer> unclaimed = new ArrayList<>();
        if (taxonomy.isPresent()) {
            List<List<Integer>> matches = matcher.get().match(papers, curatedScores, problems);
            List<ThemeDraft> curated = new ArrayList<>();
            for (Taxonomy.Entry e : taxonomy.get().themes()) {
                curated.add(new ThemeDraft(e.slug(), e.name(), e.description(), e.keywords(), true));
            }
            for (int i = 0; i < n; i++) {
                if (matches.get(i).isEmpty()) unclaimed.add(i);
                for (int t : matches.get(i)) themesOf.get(i).add(curated.get(t));
            }
            drafts.addAll(curated);
        } else {
            for (int i = 0; i < n; i++) unclaimed.add(i);
        }

        Clusters auto = cluster(corpus, unclaimed);
        Slugs slugs = new Slugs();
        drafts.forEach(d -> slugs.unique(d.slug)); // curated slugs are unique already (checked on loading)
        slugs.unique(OTHER_SLUG);
        for (Found f : auto.themes()) {
            ThemeDraft d = new ThemeDraft(slugs.unique(f.name()), f.name(), describe(f), f.keywords(), false);
            drafts.add(d);
            f.members().forEach(i -> themesOf.get(i).add(d));
        }
        for (int t = 0; t < auto.themes().size(); t++) {
            ThemeDraft d = drafts.get(drafts.size() - auto.themes().size() + t);
            auto.themes().get(t).secondary().forEach(i -> themesOf.get(i).add(d));
        }
        if (!auto.other().isEmpty()) {
            ThemeDraft other = new ThemeDraft(OTHER_SLUG, "Other", "Papers that fit none of the other themes.",
                    List.of(), false);
            drafts.add(other);
            auto.other().forEach(i -> themesOf.get(i).add(other));
        }

        Map<String, List<String>> paperThemes = new TreeMap<>();
        Map<ThemeDraft, List<Paper>> members = new LinkedHashMap<>();
        drafts.forEach(d -> members.put(d, new ArrayList<>()));
        for (int i = 0; i < n; i++) {
            Set<ThemeDraft> mine = new LinkedHashSet<>(themesOf.get(i));
            paperThemes.put(papers.get(i).slug(), mine.stream().map(d -> d.slug).toList());
            for (ThemeDraft d : mine) members.get(d).add(papers.get(i));
        }
        List<Theme> themes = new ArrayList<>();
        Comparator<Paper> newestFirst = Comparator.comparing(Paper::firstSeen).reversed().thenComparing(Paper::slug);
        members.forEach((d, ps) -> {
            if (ps.isEmpty()) {
                if (d.curated) problems.warning(taxonomy.get().at(d.slug), "theme \"" + d.name + "\" matches no paper");
                return;
            }
            themes.add(new Theme(d.slug, d.name, d.description,
                    ps.stream().sorted(newestFirst).map(Paper::slug).toList(), d.keywords, d.curated));
        });

        int[][] similar = related.join();
        Map<String, List<String>> relatedSlugs = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            List<String> r = new ArrayList<>();
            for (int j : similar[i]) r.add(papers.get(j).slug());
            relatedSlugs.put(papers.get(i).slug(), r);
        }
        return new Assignment(themes, paperThemes, relatedSlugs);
    }

    private static String describe(Found f) {
        List<String> k = f.keywords().subList(0, Math.min(5, f.keywords().size()));
        return k.isEmpty() ? "Found automatically." : "Found automatically; papers about " + String.join(", ", k) + ".";
    }

    /** A theme being built: identity equality, so two drafts never merge. */
    private static final class ThemeDraft {
        final String slug;
        final String name;
        final String description;
        final List<String> keywords;
        final boolean curated;

        ThemeDraft(String slug, String name, String description, List<String> keywords, boolean curated) {
            this.slug = slug;
            this.name = name;
            this.description = description;
            this.keywords = keywords;
            this.curated = curated;
        }
    }
}
