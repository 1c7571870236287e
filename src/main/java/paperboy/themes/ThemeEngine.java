package paperboy.themes;

import paperboy.themes.text.AnalysisCache;
import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.text.Corpus;
import paperboy.themes.curated.CuratedMatcher;
import paperboy.themes.text.FitSet;
import paperboy.themes.cluster.FittedModel;
import paperboy.themes.cache.LineageState;
import paperboy.themes.cache.ModelCache;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.text.SparseVector;
import paperboy.themes.cluster.SphericalKMeans;
import paperboy.themes.curated.Taxonomy;
import paperboy.themes.curated.TaxonomyScorer;
import paperboy.themes.text.TermAnalyzer;
import paperboy.themes.text.TermIndex;
import paperboy.themes.cluster.ThemeNamer;

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
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.problems.Problems;

/**
 * Assigns themes: curated ones from a taxonomy first (when given), automatic clusters for the papers no curated
 * theme claims, "Other" for papers that fit nowhere; and related papers for every paper.
 */
final class ThemeEngine {
    static final String OTHER_SLUG = Taxonomy.OTHER_SLUG;
    /** Part of the fitted model's key: change it whenever fitting changes, so models kept before are refitted. */
    private static final String MODEL_CONFIG = "themes-model-4 k=";

    private final TermAnalyzer analyzer;
    private final int minThemes;
    private final int maxThemes;
    private final Weights weights;
    /** the embedding model's id, part of the fitted model's key; empty without embeddings */
    private final String modelId;

    ThemeEngine(TermAnalyzer analyzer, int minThemes, int maxThemes) {
        this(analyzer, minThemes, maxThemes, Weights.TFIDF, "");
    }

    ThemeEngine(TermAnalyzer analyzer, int minThemes, int maxThemes, Weights weights, String modelId) {
        this.analyzer = analyzer;
        this.minThemes = minThemes;
        this.maxThemes = maxThemes;
        this.weights = weights;
        this.modelId = modelId;
    }

    /**
     * How much the sentence embeddings weigh in each use (the share of a cosine that comes from them, see
     * {@link Corpus#withEmbeddings}): automatic themes, the taxonomy's assignment (with its own weights for the
     * evidence), related papers (with the bonus for sharing the primary theme). Chosen by 5-fold cross-validation
     * on the labelled dev set ({@code CrossValidationBench}); the TF-IDF weights are those of the path without
     * embeddings.
     */
    record Weights(double auto, double guided, TaxonomyScorer.Weights taxonomy, double related, double sameThemeBonus,
                   AutoClustering.Options clustering) {
        static final Weights TFIDF = new Weights(0, 0, TaxonomyScorer.Weights.TFIDF, 0, RelatedPapers.SAME_THEME_BONUS,
                AutoClustering.Options.KMEANS);
        /**
         * Per use, the setting best on all 110 dev papers within the family of settings that held best on held-out
         * folds ({@code CrossValidationBench}, README: the CV table): automatic themes w = 0.25, related papers by
         * the embeddings alone. A taxonomy keeps the TF-IDF scorer and adds the embeddings' centroid as one more
         * piece of evidence: replacing the TF-IDF cosines by the embeddings' (w = 1) drops the description's words,
         * the curator's best evidence, and held worse; the centroid holds as well as TF-IDF alone and scores higher
         * in-sample.
         */
        static final Weights EMBEDDINGS = new Weights(0.75, 0, new TaxonomyScorer.Weights(TaxonomyScorer.Weights.TFIDF.similarity(),
                TaxonomyScorer.Weights.TFIDF.centroid(), TaxonomyScorer.Weights.TFIDF.claimBelow(), 5), 1, 0.2,
                AutoClustering.Options.consensus(0.5));

        String key() {
            return auto + "/" + guided + "/" + taxonomy + "/" + related + "/" + sameThemeBonus + "/" + clustering.key();
        }
    }

    /**
     * Sentence embeddings for a build: per paper (same order as the papers), and per curated theme its name,
     * description and keywords (same order as the taxonomy; empty without one). Unit vectors.
     */
    record Embedded(float[][] papers, List<float[]> descriptions) {}

    /**
     * An automatic theme before slugs are handed out: for the build and for {@code themes --suggest}.
     *
     * @param typical the members closest to the theme's centre, closest first (at most 3)
     */
    record Found(String name, List<String> keywords, List<Integer> members, List<Integer> secondary,
                 List<Integer> typical) {}

    /**
     * The automatic themes of the given papers, biggest first, and the papers that fit none; and what of it is a
     * function of the fit set alone, to keep: the fit and its themes' names (in the fit's order).
     */
    record Clusters(Corpus corpus, List<Found> themes, List<Integer> other, int chosenK, double silhouette,
                    AutoClustering.Fit fit, List<FittedModel.Named> names, List<LineageState.Retired> retired,
                    List<Integer> fitted) {}

    Clusters cluster(List<Paper> papers) {
        Corpus corpus = Corpus.of(papers, analyzer);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) all.add(i);
        return cluster(corpus, all);
    }

    Clusters cluster(Corpus corpus, List<Integer> docs) {
        return cluster(corpus, docs, Optional.empty(), List.of(), null, null, Set.of(), ModelCache.NONE);
    }

    /** As {@link #cluster(Corpus, List)}, naming the themes apart from the names already {@code taken}. */
    Clusters cluster(Corpus corpus, List<Integer> docs, Set<String> taken) {
        return cluster(corpus, docs, Optional.empty(), List.of(), null, null, taken, ModelCache.NONE);
    }

    /** The lineage's themes as a fit of the build's corpus: centroids, members, secondary themes and names. */
    Grown grown(Corpus corpus, List<Integer> docs, List<ThemeLineage.Line> lines, List<LineageState.Retired> retired) {
        int k = lines.size(), dims = corpus.dims, n = corpus.size();
        int[] theme = new int[n];
        java.util.Arrays.fill(theme, -1);
        for (int t = 0; t < k; t++) for (int d : lines.get(t).members()) theme[d] = t;
        float[][] c = ThemeLineage.centroids(corpus, theme, k, dims);
        List<Integer> fitDocs = docs.stream().filter(d -> theme[d] >= 0).toList();
        double[] sims = SphericalKMeans.similarities(fitDocs.stream().map(corpus.vectors::get).toList(), c);
        List<List<Integer>> secondaryOf = new ArrayList<>();
        for (int t = 0; t < k; t++) secondaryOf.add(new ArrayList<>());
        boolean[] alive = new boolean[k];
        java.util.Arrays.fill(alive, true);
        for (int i = 0; i < fitDocs.size(); i++) {
            int own = theme[fitDocs.get(i)];
            for (int j : AutoClustering.secondary(sims, i, k, alive, own, sims[i * k + own])) secondaryOf.get(j).add(fitDocs.get(i));
        }
        List<AutoClustering.Fitted> themes = new ArrayList<>();
        List<FittedModel.Named> names = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            ThemeLineage.Line line = lines.get(t);
            int[] members = line.members().stream().mapToInt(Integer::intValue).sorted().toArray();
            themes.add(new AutoClustering.Fitted(c[t], members,
                    secondaryOf.get(t).stream().mapToInt(Integer::intValue).sorted().toArray()));
            float[] centre = c[t];
            int[] typical = line.members().stream()
                    .sorted(Comparator.comparingDouble((Integer d) -> -corpus.vectors.get(d).dot(centre)).thenComparingInt(d -> d))
                    .limit(3).mapToInt(Integer::intValue).toArray();
            names.add(new FittedModel.Named(line.name(), line.keywords(), typical));
        }
        return new Grown(new AutoClustering.Fit(themes, k, 0), names, retired);
    }

    /**
     * Themes grown along the archive's months ({@link ThemeLineage}): the fit and its names, in the fit's order, and
     * the themes dropped on the way.
     */
    record Grown(AutoClustering.Fit fit, List<FittedModel.Named> names, List<LineageState.Retired> retired) {}

    /**
     * @param known        the model fitted on this fit set by an earlier build, with the same papers clustered
     * @param knownRetired the themes its lineage dropped
     * @param analysed     every paper's analysis, to grow the themes month by month; null: fit from scratch
     * @param index        the analyses' terms numbered (with {@code analysed})
     * @param models       where the lineage's states at month boundaries are kept between builds
     */
    Clusters cluster(Corpus corpus, List<Integer> docs, Optional<FittedModel> known,
                     List<LineageState.Retired> knownRetired, PaperTerms[] analysed, TermIndex index, Set<String> taken,
                     ModelCache models) {
        Grown grown = known.isEmpty() && analysed != null
                ? ThemeLineage.grow(this, corpus, analysed, index, docs, models) : null;
        AutoClustering.Fit fit = known.map(FittedModel::clusters)
                .orElseGet(() -> grown != null ? grown.fit() : AutoClustering.fit(corpus, docs, minThemes, maxThemes, weights.clustering()));
        AutoClustering.Result r = AutoClustering.place(corpus, docs, fit);
        FittedModel.Named[] named = new FittedModel.Named[fit.themes().size()];
        if (known.isPresent()) {
            known.get().names().toArray(named);
        } else if (grown != null) {
            grown.names().toArray(named);
        } else {
            ThemeNamer namer = new ThemeNamer(corpus);
            Set<String> names = new HashSet<>(taken);
            // The more specific name keeps a phrase two themes would share ("Text Generation" before "Text"), then
            // the bigger theme: each is named apart from those named before it.
            Map<AutoClustering.Group, Integer> specific = new java.util.HashMap<>();
            for (AutoClustering.Group g : r.groups()) {
                List<Integer> m = java.util.Arrays.stream(fit.themes().get(g.fitted()).members()).boxed().toList();
                specific.put(g, namer.name(m).name().split("[ &(-]+").length);
            }
            List<AutoClustering.Group> order = new ArrayList<>(r.groups());
            order.sort(Comparator.comparingInt((AutoClustering.Group g) -> -specific.get(g)));
            for (AutoClustering.Group g : order) {
                // Named after its fit-set members only, so papers added later do not rename it.
                AutoClustering.Fitted f = fit.themes().get(g.fitted());
                List<Integer> fitMembers = java.util.Arrays.stream(f.members()).boxed().toList();
                // Bigger themes are named first; a later one leads with another phrase than theirs.
                ThemeNamer.Naming n = namer.name(fitMembers, head -> names.stream().anyMatch(x -> ThemeNamer.clash(x, head)));
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
                for (int m = 0; m < closeness.length; m++) closeness[m] = corpus.vectors.get(fitMembers.get(m)).dot(f.centroid());
                int[] typical = IntStream.range(0, closeness.length).boxed()
                        .sorted(Comparator.comparingDouble((Integer m) -> -closeness[m]).thenComparingInt(m -> m))
                        .limit(3).mapToInt(fitMembers::get).toArray();
                named[g.fitted()] = new FittedModel.Named(name, n.keywords(), typical);
            }
        }
        List<Found> found = new ArrayList<>();
        for (AutoClustering.Group g : r.groups()) {
            FittedModel.Named n = named[g.fitted()];
            found.add(new Found(n.name(), n.keywords(), g.members(), g.secondary(),
                    java.util.Arrays.stream(n.typical()).boxed().toList()));
        }
        List<LineageState.Retired> retired = known.isPresent() ? knownRetired : grown != null ? grown.retired() : List.of();
        List<Integer> fitted = r.groups().stream().map(AutoClustering.Group::fitted).toList();
        return new Clusters(corpus, found, r.other(), r.chosenK(), r.silhouette(), fit, List.of(named), retired, fitted);
    }

    /** How much the embeddings weigh in each use (TF-IDF alone: {@link Weights#TFIDF}). */
    Weights weights() {
        return weights;
    }

    /** How much sharing the primary theme adds to a related paper's score. */
    double sameThemeBonus() {
        return weights.sameThemeBonus();
    }

    /** What besides the papers the fitted model depends on: the bounds on k, and the fitting code's version. */
    String modelConfig() {
        return MODEL_CONFIG + minThemes + "-" + maxThemes + (modelId.isEmpty() ? "" : " " + modelId + " " + weights.key());
    }

    Assignment assign(List<Paper> papers, Optional<Taxonomy> taxonomy, Problems problems) {
        return assign(papers, Corpus.analyse(papers, analyzer, AnalysisCache.NONE), taxonomy, problems,
                ModelCache.NONE);
    }

    Assignment assign(List<Paper> papers, PaperTerms[] analysed, Optional<Taxonomy> taxonomy, Problems problems,
                      ModelCache models) {
        return assign(papers, analysed, Optional.empty(), taxonomy, problems, models);
    }

    /** The corpus compared with the embeddings at this weight; the TF-IDF corpus without embeddings. */
    private static Corpus embedded(Corpus terms, Optional<Embedded> embedded, double weight) {
        return embedded.isPresent() && weight > 0 ? terms.withEmbeddings(embedded.get().papers(), weight) : terms;
    }

    /**
     * @param analysed each paper's terms, same order
     * @param models   where the model fitted on the fit set is kept between builds
     */
    Assignment assign(List<Paper> papers, PaperTerms[] analysed, Optional<Embedded> embedded, Optional<Taxonomy> taxonomy,
                      Problems problems, ModelCache models) {
        return assign(papers, analysed, embedded, taxonomy, problems, models, b -> {});
    }

    /**
     * What a daily build needs of this assignment to place more papers of the latest month the same way
     * ({@link AppendedDay}): the corpus (vocabulary, the fit set's vectors), the automatic themes' fit and each
     * fitted theme's slug (null: it has no theme), the curated themes' last-round centroids (null: no taxonomy),
     * and with embeddings those of the curated themes' embeddings (by the ids of the embedded corpus).
     */
    record Basis(Corpus corpus, Optional<AutoClustering.Fit> fit, List<String> autoSlugs,
                 Optional<TaxonomyScorer.Centroids> curated, Optional<TaxonomyScorer.Centroids> curatedEmbedded) {}

    /** @param basis given what a daily build needs of this assignment, before it is returned */
    Assignment assign(List<Paper> papers, PaperTerms[] analysed, Optional<Embedded> embedded, Optional<Taxonomy> taxonomy,
                      Problems problems, ModelCache models, java.util.function.Consumer<Basis> basis) {
        int n = papers.size();
        Optional<CuratedMatcher> matcher = taxonomy.map(t -> new CuratedMatcher(t, analyzer));
        boolean[] fit = FitSet.of(papers);
        // Per paper, its theme keys in order (primary first); a key is a curated slug or "auto:<i>".
        List<List<ThemeDraft>> themesOf = new ArrayList<>();
        for (int i = 0; i < n; i++) themesOf.add(new ArrayList<>());
        List<ThemeDraft> drafts = new ArrayList<>();

        List<Integer> unclaimed = new ArrayList<>();
        Corpus claimCorpus = null;
        Optional<TaxonomyScorer.Centroids> curatedCentroids = Optional.empty(), curatedEmbedded = Optional.empty();
        // Each paper's terms numbered once, for the fit set's corpus and every step of the lineage.
        TermIndex index = null;
        if (taxonomy.isPresent()) {
            index = TermIndex.of(analysed);
            claimCorpus = Corpus.of(papers, analysed, fit, index, null, index.docFreq(fit));
            Corpus terms = claimCorpus;
            // The papers by their embeddings alone, for the centroid evidence the taxonomy's weights may ask for.
            Optional<Corpus> meaning = embedded.filter(e -> weights.taxonomy().embeddingCentroid() > 0)
                    .map(e -> terms.withEmbeddings(e.papers(), 1));
            TaxonomyScorer.Scored scored = claimsScored(papers, analysed, embedded(claimCorpus, embedded, weights.guided()),
                    taxonomy.get(), matcher.get(), problems, embedded.map(Embedded::descriptions), meaning);
            curatedCentroids = Optional.of(scored.last());
            curatedEmbedded = scored.lastEmbedded();
            List<List<Integer>> matches = scored.themes();
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
        boolean[] clustered = new boolean[n];
        unclaimed.forEach(i -> clustered[i] = true);
        Optional<FittedModel> found = models.find(papers, fit, clustered, modelConfig());
        // The model is reused only with the themes its lineage dropped; without them it is fitted again.
        Optional<List<LineageState.Retired>> foundRetired = found.flatMap(m ->
                ThemeLineage.keptRetired(papers, fit, unclaimed, models, modelConfig()));
        Optional<FittedModel> known = foundRetired.isPresent() ? found : Optional.empty();
        if (index == null && known.isEmpty()) index = TermIndex.of(analysed);
        Corpus terms = claimCorpus != null ? claimCorpus
                : known.isPresent() ? Corpus.of(papers, analysed, fit, known.map(FittedModel::vocabulary))
                : Corpus.of(papers, analysed, fit, index, null, index.docFreq(fit));
        Corpus corpus = embedded(terms, embedded, weights.auto());
        Corpus relatedCorpus = weights.related() == weights.auto() ? corpus : embedded(terms, embedded, weights.related());

        // Related papers need only the vectors: find them while the themes are worked out.
        CompletableFuture<int[][]> related = CompletableFuture.supplyAsync(
                () -> RelatedPapers.compute(relatedCorpus, known.map(FittedModel::related).orElse(null)));
        Clusters auto = cluster(corpus, unclaimed, known, foundRetired.orElse(List.of()), analysed, index, Set.of(), models);
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
        if (known.isEmpty()) {
            int[][] fitRelated = new int[n][];
            for (int i = 0; i < n; i++) if (fit[i]) fitRelated[i] = similar[i];
            FittedModel model = new FittedModel(corpus.vocabulary(), auto.fit(), auto.names(), fitRelated);
            models.keep(model);
        }
        Object[] primary = new Object[n];
        for (int i = 0; i < n; i++) primary[i] = themesOf.get(i).isEmpty() ? null : themesOf.get(i).get(0);
        int[][] shown = RelatedPapers.rerank(relatedCorpus, similar, primary, weights.sameThemeBonus());
        Map<String, List<String>> relatedSlugs = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            List<String> r = new ArrayList<>();
            for (int j : shown[i]) r.add(papers.get(j).slug());
            relatedSlugs.put(papers.get(i).slug(), r);
        }
        String[] autoSlugs = new String[auto.fit().themes().size()];
        for (int t = 0; t < auto.themes().size(); t++) {
            autoSlugs[auto.fitted().get(t)] = drafts.get(drafts.size() - auto.themes().size() - (auto.other().isEmpty() ? 0 : 1) + t).slug;
        }
        basis.accept(new Basis(relatedCorpus, Optional.of(auto.fit()), java.util.Arrays.asList(autoSlugs), curatedCentroids,
                curatedEmbedded));
        return new Assignment(themes, paperThemes, relatedSlugs, retired(auto.retired(), themes, paperThemes));
    }

    /**
     * The dropped themes whose URL no theme of this build has, each pointing to the themes its papers are in now
     * (their primary theme), most first.
     */
    static List<RetiredTheme> retired(List<LineageState.Retired> dropped, List<Theme> themes,
                                      Map<String, List<String>> paperThemes) {
        Set<String> taken = new HashSet<>();
        themes.forEach(t -> taken.add(t.slug()));
        TreeMap<String, RetiredTheme> out = new TreeMap<>();
        for (LineageState.Retired r : dropped) {
            String slug = Slugs.base(r.name());
            if (taken.contains(slug)) continue;
            Map<String, Integer> counts = new TreeMap<>();
            for (String p : r.paperSlugs()) {
                List<String> now = paperThemes.getOrDefault(p, List.of());
                if (!now.isEmpty()) counts.merge(now.get(0), 1, Integer::sum);
            }
            List<RetiredTheme.Successor> successors = counts.entrySet().stream()
                    .map(e -> new RetiredTheme.Successor(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt(RetiredTheme.Successor::papers).reversed()
                            .thenComparing(RetiredTheme.Successor::slug))
                    .toList();
            RetiredTheme t = new RetiredTheme(slug, r.name(), r.month(), successors);
            // Two dropped names with one slug: the later drop is what the URL showed last.
            out.merge(slug, t, (a, b) -> b.retiredOn().isAfter(a.retiredOn()) ? b : a);
        }
        return List.copyOf(out.values());
    }

    /**
     * Per paper, the curated themes that claim it, primary first (empty: left to the automatic themes), scored
     * by {@link TaxonomyScorer}. The corpus's vocabulary is a function of the fit set alone.
     */
    List<List<Integer>> claims(List<Paper> papers, PaperTerms[] analysed, Corpus corpus, Taxonomy taxonomy,
                               CuratedMatcher matcher, Problems problems) {
        return claims(papers, analysed, corpus, taxonomy, matcher, problems, Optional.empty(), Optional.empty());
    }

    /**
     * @param embedded per curated theme, its description's embedding (when the corpus has embeddings)
     * @param meaning  the papers compared by their embeddings alone: evidence beside the corpus's cosines
     */
    List<List<Integer>> claims(List<Paper> papers, PaperTerms[] analysed, Corpus corpus, Taxonomy taxonomy,
                               CuratedMatcher matcher, Problems problems, Optional<List<float[]>> embedded,
                               Optional<Corpus> meaning) {
        return claimsScored(papers, analysed, corpus, taxonomy, matcher, problems, embedded, meaning).themes();
    }

    /** Each curated theme's description as a vector of the corpus (name, description and keywords; embedded too). */
    List<SparseVector> descriptions(Taxonomy taxonomy, java.util.function.Function<PaperTerms, SparseVector> vector,
                                    java.util.function.BiFunction<SparseVector, Integer, SparseVector> join) {
        List<SparseVector> descriptions = new ArrayList<>();
        for (int t = 0; t < taxonomy.themes().size(); t++) {
            Taxonomy.Entry e = taxonomy.themes().get(t);
            SparseVector words = vector.apply(PaperTerms.analyse(e.name(),
                    e.description() + ". " + String.join(". ", e.keywords()), analyzer));
            descriptions.add(join.apply(words, t));
        }
        return descriptions;
    }

    TaxonomyScorer.Scored claimsScored(List<Paper> papers, PaperTerms[] analysed, Corpus corpus, Taxonomy taxonomy,
                                       CuratedMatcher matcher, Problems problems, Optional<List<float[]>> embedded,
                                       Optional<Corpus> meaning) {
        int[][] keywordScores = new int[papers.size()][];
        Corpus.stems(analysed, (i, title, abs) -> keywordScores[i] = matcher.scores(title, abs));
        List<SparseVector> descriptions = descriptions(taxonomy, corpus::vector,
                (words, theme) -> corpus.join(words, embedded.map(d -> d.get(theme))));
        boolean withEmbeddings = embedded.isPresent() && (corpus.embeddingWeight > 0 || meaning.isPresent());
        return TaxonomyScorer.scored(corpus, descriptions, keywordScores, matcher.pinned(papers, problems),
                withEmbeddings ? weights.taxonomy() : TaxonomyScorer.Weights.TFIDF, meaning);
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
