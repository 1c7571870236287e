package paperboy.themes;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import paperboy.assemble.Overlay;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.Theme;
import paperboy.problems.Problems;
import paperboy.themes.cache.DailyEmbeddings;
import paperboy.themes.cache.DailyStore;
import paperboy.themes.cache.ThemeCache;
import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.cluster.SphericalKMeans;
import paperboy.themes.curated.CuratedMatcher;
import paperboy.themes.curated.Taxonomy;
import paperboy.themes.curated.TaxonomyScorer;
import paperboy.themes.embed.Int8Vector;
import paperboy.themes.embed.PaperEmbedder;
import paperboy.themes.embed.PaperVectors;
import paperboy.themes.embed.VectorStore;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.FitSet;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.text.SparseVector;
import paperboy.themes.text.TermAnalyzer;

/**
 * The daily case of the themes (TF-IDF, embeddings off): the fit set is frozen for the month, so a day's new papers
 * are placed into the model and ranked against the papers before them exactly as a full assignment would, from
 * what {@link #keep} left beside the site ({@link DailyStore}) and the previous build's assignment, without
 * analysing, vectorising, placing or ranking any other paper, and reading of the archive only the latest month's
 * days and papers (it may be read lazily: a paper of an older month is never looked up). Each step calls the code the full assignment runs
 * for one paper ({@link Corpus#vectorOver}, {@link TaxonomyScorer#score}, {@link AutoClustering#placeLater},
 * {@link RelatedPapers#computeOutside}, {@link RelatedPapers#rerankOne}), so the two cannot drift apart.
 */
final class AppendedDay {
    private AppendedDay() {}

    /** What a daily placement did: how many papers it analysed, placed and ranked, and what it read of the store. */
    record Work(int analysed, int monthVectorsKept, int placed, int ranked, int fitVectorsRead, int postingsRead,
                int embedded) {}

    record Result(Assignment assignment, Work work) {}

    /**
     * Keeps what the daily case needs after a full assignment of {@code papers} whose fit set is frozen: the store,
     * rewritten only when it was made for another fit set or settings, and the latest month's vectors.
     */
    static Optional<String> keep(Path themeCache, List<Paper> papers, boolean[] fit, ThemeCache cache, String config,
                                 ThemeEngine.Basis basis, Optional<CuratedMatcher> matcher,
                                 Map<String, List<String>> paperThemes) throws IOException {
        return keep(themeCache, papers, fit, cache, config, basis, matcher, paperThemes, Optional.empty());
    }

    /**
     * @param paperThemes the assignment's themes of every paper (the fit set's primary themes are kept)
     * @param embeddings  every paper's int8 vector, when the themes use embeddings (kept beside the store)
     * @return the key of the store now beside the site, made for this assignment ({@link DailyStore.Identity#key});
     *         empty when none is
     */
    static Optional<String> keep(Path themeCache, List<Paper> papers, boolean[] fit, ThemeCache cache, String config,
                                 ThemeEngine.Basis basis, Optional<CuratedMatcher> matcher,
                                 Map<String, List<String>> paperThemes, Optional<Int8Vector[]> embeddings)
            throws IOException {
        Optional<byte[]> modelKey = cache.askedModelKey();
        if (modelKey.isEmpty() || basis.fit().isEmpty()) return Optional.empty();
        Corpus corpus = basis.corpus();
        // With embeddings the corpus compares papers by more than their words: the store keeps the words' part.
        List<SparseVector> termVectors = corpus.termVectors;
        DailyStore.Identity identity = identity(papers, fit, config, modelKey.get());
        Path file = DailyStore.location(themeCache);
        Optional<DailyStore.Identity> kept = DailyStore.identityOf(file);
        if (kept.isEmpty() || !kept.get().sameFitSet(identity) || !Arrays.equals(kept.get().modelKey(), identity.modelKey())) {
            int dims = corpus.terms.length;
            List<Integer> fitIndices = new ArrayList<>();
            for (int i = 0; i < fit.length; i++) if (fit[i]) fitIndices.add(i);
            SparseVector[] fitVectors = fitIndices.stream().map(termVectors::get).toArray(SparseVector[]::new);
            int[][] postingDocs = new int[dims][];
            float[][] postingWeights = new float[dims][];
            if (fitVectors.length > RelatedPapers.EXHAUSTIVE_UP_TO) {
                RelatedPapers.Postings[] postings = RelatedPapers.fitIndex(fitVectors, dims);
                for (int t = 0; t < dims; t++) {
                    if (postings[t] == null) continue;
                    postingDocs[t] = postings[t].docs();
                    postingWeights[t] = postings[t].weights();
                }
            }
            List<AutoClustering.Fitted> themes = basis.fit().get().themes();
            float[][] centroids = themes.stream().map(AutoClustering.Fitted::centroid).toArray(float[][]::new);
            for (float[] c : centroids) {
                if (c.length != corpus.dims) return Optional.empty(); // a model of another space: keep nothing
            }
            TaxonomyScorer.Centroids curated = basis.curated()
                    .orElse(new TaxonomyScorer.Centroids(new double[0][], new double[0]));
            List<Paper> fitPapers = fitIndices.stream().map(papers::get).toList();
            List<String> pinned = matcher.map(m -> m.pinnedTitles(fitPapers)).orElse(List.of());
            // The fit set's primary themes, for the same-theme bonus of related papers: numbered, not spelled out.
            Map<String, Integer> themeNumbers = new LinkedHashMap<>();
            int[] primaries = new int[fitPapers.size()];
            for (int o = 0; o < primaries.length; o++) {
                List<String> ts = paperThemes.getOrDefault(fitPapers.get(o).slug(), List.of());
                primaries[o] = ts.isEmpty() ? -1 : themeNumbers.computeIfAbsent(ts.get(0), t -> themeNumbers.size());
            }
            DailyStore.write(file, new DailyStore.Contents(identity, corpus.terms, corpus.docFreq, basis.autoSlugs(),
                    centroids, curated.sum(), curated.norm2(), pinned, fitVectors, postingDocs, postingWeights,
                    fitPapers.stream().map(Paper::slug).toList(), List.copyOf(themeNumbers.keySet()), primaries));
        }
        Map<ThemeCache.Key, SparseVector> month = new LinkedHashMap<>();
        for (int i = 0; i < fit.length; i++) if (!fit[i]) month.put(cache.keyOf(i), termVectors.get(i));
        DailyStore.writeMonth(DailyStore.monthLocation(themeCache), identity.modelKey(), month);
        if (embeddings.isPresent()) keepEmbeddings(themeCache, fit, cache, basis, identity, embeddings.get());
        return Optional.of(identity.key());
    }

    /** The embeddings' part ({@link DailyEmbeddings}): rewritten only when made for another fit set or model. */
    private static void keepEmbeddings(Path themeCache, boolean[] fit, ThemeCache cache, ThemeEngine.Basis basis,
                                       DailyStore.Identity identity, Int8Vector[] vectors) throws IOException {
        Corpus corpus = basis.corpus();
        Optional<float[]> mean = corpus.meanEmbedding();
        if (mean.isEmpty()) return;
        int base = corpus.terms.length, d = mean.get().length;
        Path file = DailyEmbeddings.location(themeCache);
        Optional<DailyEmbeddings> kept = DailyEmbeddings.open(file);
        if (kept.isEmpty() || !kept.get().madeWith(identity)) {
            List<AutoClustering.Fitted> themes = basis.fit().get().themes();
            float[][] auto = new float[themes.size()][];
            for (int j = 0; j < auto.length; j++) {
                float[] c = themes.get(j).centroid();
                if (c.length != base + d) return;
                auto[j] = Arrays.copyOfRange(c, base, base + d);
            }
            TaxonomyScorer.Centroids curated = basis.curatedEmbedded()
                    .orElse(new TaxonomyScorer.Centroids(new double[0][], new double[0]));
            double[][] sums = new double[curated.norm2().length][];
            for (int t = 0; t < sums.length; t++) {
                if (curated.sum()[t].length != base + d) return;
                sums[t] = Arrays.copyOfRange(curated.sum()[t], base, base + d);
            }
            List<Int8Vector> fitVectors = new ArrayList<>();
            for (int i = 0; i < fit.length; i++) if (fit[i]) fitVectors.add(vectors[i]);
            DailyEmbeddings.write(file, new DailyEmbeddings.Contents(identity, base, mean.get(), auto, sums,
                    curated.norm2(), fitVectors.toArray(Int8Vector[]::new)));
        }
        Map<ThemeCache.Key, Int8Vector> month = new LinkedHashMap<>();
        for (int i = 0; i < fit.length; i++) if (!fit[i]) month.put(cache.keyOf(i), vectors[i]);
        DailyEmbeddings.writeMonth(DailyEmbeddings.monthLocation(themeCache), identity.modelKey(), month);
    }

    private static DailyStore.Identity identity(List<Paper> papers, boolean[] fit, String config, byte[] modelKey) {
        int count = 0;
        for (boolean f : fit) if (f) count++;
        return new DailyStore.Identity(config, modelKey, count, ThemeCache.slugsKey(papers, fit), monthStart(papers));
    }

    /** The first day of the month of the latest day any paper was listed on (epoch day). */
    private static long monthStart(List<Paper> papers) {
        LocalDate latest = LocalDate.MIN;
        for (Paper p : papers) if (p.lastSeen().isAfter(latest)) latest = p.lastSeen();
        return latest.withDayOfMonth(1).toEpochDay();
    }

    /**
     * The assignment of {@code digest}'s papers (the papers of {@code before} plus {@code added}), or empty when it
     * cannot be told from the store and {@code before} alone.
     *
     * @param problems where the taxonomy's and the assignment's warnings go (only when a result is returned)
     */
    static Optional<Result> place(Path themeCache, Digest digest, Set<String> added, Assignment before,
                                  String config, Optional<Taxonomy> taxonomy, ThemeEngine engine, TermAnalyzer analyzer,
                                  Problems problems) {
        return place(themeCache, digest, added, before, config, taxonomy, engine, analyzer, Optional.empty(), problems);
    }

    /**
     * Reads of {@code digest} only the days of the latest month and that month's papers (by slug); of {@code before}
     * only those papers' entries; of the fit set only what the store keeps. The store must be the one
     * {@code before} names ({@link Assignment#storeKey}): then its fit set is the papers of {@code before} first
     * seen before the latest month, and nothing of it needs checking against the archive.
     *
     * @param embedder the embedding model, when the themes use embeddings: the new papers are embedded unless the
     *                 month's vectors kept beside the store have their text
     */
    static Optional<Result> place(Path themeCache, Digest digest, Set<String> added, Assignment before,
                                  String config, Optional<Taxonomy> taxonomy, ThemeEngine engine, TermAnalyzer analyzer,
                                  Optional<PaperEmbedder> embedder, Problems problems) {
        if (before.storeKey().isEmpty()) return Optional.empty();
        Optional<DailyStore> opened = DailyStore.open(DailyStore.location(themeCache));
        if (opened.isEmpty()) return Optional.empty();
        DailyStore store = opened.get();
        DailyStore.Identity identity = store.identity();
        if (!identity.key().equals(before.storeKey()) || !identity.config().equals(config)) return Optional.empty();
        FitSet.LatestMonth latest = FitSet.latestMonth(digest);
        int n = digest.papers().size();
        int fitCount = store.fitCount();
        if (latest.monthStart() != identity.monthStart() || n - latest.papers().size() != fitCount
                || !FitSet.frozen(fitCount, n)) {
            return Optional.empty();
        }

        // Every paper by its place in slug order (the full assignment's index, which breaks ties): the fit set's in
        // the store's order, the month's placed among them by their slugs.
        List<Paper> monthPapers = new ArrayList<>(latest.papers());
        monthPapers.sort(Comparator.comparing(Paper::slug));
        int[] monthIndex = new int[monthPapers.size()], fitBefore = new int[monthPapers.size()];
        Paper[] paperAt = new Paper[n];
        boolean[] fit = new boolean[n];
        Arrays.fill(fit, true);
        for (int m = 0; m < monthPapers.size(); m++) {
            java.util.OptionalInt b = store.fitSlugsBefore(monthPapers.get(m).slug());
            if (b.isEmpty()) return Optional.empty(); // a slug of the fit set: not the archive the store was made for
            fitBefore[m] = b.getAsInt();
            monthIndex[m] = fitBefore[m] + m;
            paperAt[monthIndex[m]] = monthPapers.get(m);
            fit[monthIndex[m]] = false;
        }
        Positions pos = new Positions(monthIndex, fitBefore);

        // The new papers come after every other: outside the fit set, first seen after the month's earlier papers.
        List<Integer> fresh = new ArrayList<>(), month = new ArrayList<>();
        long lastEarlier = Long.MIN_VALUE, firstFresh = Long.MAX_VALUE;
        for (int i : monthIndex) {
            Paper p = paperAt[i];
            if (added.contains(p.slug())) {
                fresh.add(i);
                firstFresh = Math.min(firstFresh, p.firstSeen().toEpochDay());
            } else {
                month.add(i);
                lastEarlier = Math.max(lastEarlier, p.firstSeen().toEpochDay());
            }
        }
        if (fresh.size() != added.size() || firstFresh <= lastEarlier) return Optional.empty();
        if (before.paperThemes().size() != n - fresh.size() || before.related().size() != n - fresh.size()) {
            return Optional.empty();
        }
        for (int i : fresh) if (before.paperThemes().containsKey(paperAt[i].slug())) return Optional.empty();

        int dims = store.dims();
        int[] docFreq = store.docFreq();
        SparseVector[] xs = new SparseVector[n];
        // The month's earlier papers: their vectors as kept (by text), else weighed again (same function).
        Map<ThemeCache.Key, SparseVector> kept = DailyStore.readMonth(DailyStore.monthLocation(themeCache),
                identity.modelKey(), dims);
        Map<ThemeCache.Key, SparseVector> monthVectors = new LinkedHashMap<>();
        int analysed = 0, reused = 0;
        for (int i : month) {
            Paper p = paperAt[i];
            ThemeCache.Key key = ThemeCache.key(p.title(), p.abstractRaw().orElse(null));
            SparseVector v = kept.get(key);
            if (v == null) {
                v = Corpus.vectorOver(PaperTerms.analyse(p.title(), p.abstractRaw().orElse(null), analyzer),
                        store::termId, docFreq, fitCount);
                analysed++;
            } else {
                reused++;
            }
            xs[i] = v;
            monthVectors.put(key, v);
        }
        PaperTerms[] freshTerms = new PaperTerms[fresh.size()];
        for (int q = 0; q < fresh.size(); q++) {
            Paper p = paperAt[fresh.get(q)];
            freshTerms[q] = PaperTerms.analyse(p.title(), p.abstractRaw().orElse(null), analyzer);
            xs[fresh.get(q)] = Corpus.vectorOver(freshTerms[q], store::termId, docFreq, fitCount);
            monthVectors.put(ThemeCache.key(p.title(), p.abstractRaw().orElse(null)), xs[fresh.get(q)]);
            analysed++;
        }

        // With embeddings: each paper outside the fit set joined with its embedding, as the full assignment's
        // corpora join it (automatic themes, related papers, and the embeddings alone for the taxonomy's evidence).
        ThemeEngine.Weights weights = engine.weights();
        Optional<DailyEmbeddings> emb = Optional.empty();
        SparseVector[] autoXs = xs, relatedXs = xs, meaningXs = null;
        Map<ThemeCache.Key, Int8Vector> monthEmbeddings = new LinkedHashMap<>();
        int embedded = 0;
        float[] mean = null;
        if (embedder.isPresent()) {
            // Curated claims by the joined vectors (a weight this path does not reproduce): left to the full path.
            if (weights.guided() > 0) return Optional.empty();
            emb = DailyEmbeddings.open(DailyEmbeddings.location(themeCache));
            if (emb.isEmpty() || !emb.get().madeWith(identity) || emb.get().base() != dims
                    || emb.get().autoThemes() != store.autoSlugs().size()
                    || emb.get().dimensions() != embedder.get().dimensions()) {
                return Optional.empty();
            }
            mean = emb.get().mean();
            Map<ThemeCache.Key, Int8Vector> keptEmbeddings = DailyEmbeddings.readMonth(
                    DailyEmbeddings.monthLocation(themeCache), identity.modelKey());
            List<Integer> outside = new ArrayList<>(month);
            outside.addAll(fresh);
            int[] count = new int[1];
            VectorStore monthStore = new VectorStore() {
                @Override
                public Optional<Int8Vector> vector(String modelId, int index, Paper paper) {
                    return Optional.ofNullable(keptEmbeddings.get(textKey(paper)));
                }

                @Override
                public void keep(String modelId, int index, Paper paper, Int8Vector vector) {
                    count[0]++;
                }

                @Override
                public Optional<Int8Vector> vector(String modelId, String text) {
                    return Optional.empty();
                }

                @Override
                public void keep(String modelId, String text, Int8Vector vector) {}
            };
            Int8Vector[] qs = PaperVectors.quantised(outside.stream().map(i -> paperAt[i]).toList(), embedder.get(),
                    monthStore, null);
            embedded = count[0];
            autoXs = new SparseVector[n];
            relatedXs = new SparseVector[n];
            meaningXs = new SparseVector[n];
            for (int o2 = 0; o2 < outside.size(); o2++) {
                int i = outside.get(o2);
                float[] e = qs[o2].unit();
                monthEmbeddings.put(textKey(paperAt[i]), qs[o2]);
                relatedXs[i] = Corpus.joined(xs[i], e, mean, weights.related(), dims);
                // The month's earlier papers are only candidates for related papers; the new ones are placed too.
                if (o2 < month.size()) continue;
                autoXs[i] = Corpus.joined(xs[i], e, mean, weights.auto(), dims);
                meaningXs[i] = Corpus.joined(xs[i], e, mean, 1, dims);
            }
        }

        Problems local = new Problems();
        // The new papers' themes: curated claims first, then the automatic themes (or Other), as the engine does.
        List<List<String>> themesOf = new ArrayList<>();
        for (int q = 0; q < fresh.size(); q++) themesOf.add(new ArrayList<>());
        boolean[] claimed = new boolean[fresh.size()];
        if (taxonomy.isPresent()) {
            Taxonomy tax = taxonomy.get();
            CuratedMatcher matcher = new CuratedMatcher(tax, analyzer);
            List<SparseVector> descriptions = engine.descriptions(tax,
                    doc -> Corpus.describe(doc, store::termId, docFreq, fitCount), (words, t) -> words);
            if (descriptions.size() != store.curatedNorm2().length) return Optional.empty();
            Set<String> matched = new HashSet<>(store.pinnedTitles());
            matched.addAll(matcher.pinnedTitles(month.stream().map(i -> paperAt[i]).toList()));
            List<List<Integer>> pinned = matcher.pinned(fresh.stream().map(i -> paperAt[i]).toList(), matched, local);
            int[][] keywordScores = new int[fresh.size()][];
            Corpus.stems(freshTerms, (q, title, abs) -> keywordScores[q] = matcher.scores(title, abs));
            double[] norm2 = store.curatedNorm2();
            // The full assignment weighs the evidence this way whenever it has embeddings.
            boolean byMeaning = embedder.isPresent() && weights.taxonomy().embeddingCentroid() > 0;
            TaxonomyScorer.Weights tw = byMeaning ? weights.taxonomy() : TaxonomyScorer.Weights.TFIDF;
            double[] embeddedNorm2 = emb.map(DailyEmbeddings::curatedNorm2).orElse(new double[0]);
            if (byMeaning && embeddedNorm2.length != norm2.length) return Optional.empty();
            double[][] embeddedSum = new double[byMeaning ? norm2.length : 0][emb.map(DailyEmbeddings::dimensions).orElse(0)];
            if (byMeaning && norm2.length > 0) {
                for (int e = 0; e < embeddedSum[0].length; e++) {
                    double[] row = emb.get().curatedSums(e);
                    for (int t = 0; t < norm2.length; t++) embeddedSum[t][e] = row[t];
                }
            }
            for (int q = 0; q < fresh.size(); q++) {
                SparseVector x = xs[fresh.get(q)];
                double[] prior = TaxonomyScorer.prior(x, descriptions, keywordScores[q], tw);
                // The centroids at this paper's terms only, renumbered in the same order: the same sums, term by term.
                double[][] sum = new double[norm2.length][x.ids().length];
                for (int e = 0; e < x.ids().length; e++) {
                    double[] row = store.curatedSums(x.ids()[e]);
                    for (int t = 0; t < norm2.length; t++) sum[t][e] = row[t];
                }
                double[] score = byMeaning
                        ? TaxonomyScorer.scoreWithEmbeddings(local(x), prior, sum, norm2,
                                fromBase(meaningXs[fresh.get(q)], dims), embeddedSum, embeddedNorm2, tw)
                        : TaxonomyScorer.score(local(x), prior, sum, norm2, -1, tw);
                List<Integer> claims = TaxonomyScorer.themes(score, pinned.get(q), tw);
                claimed[q] = !claims.isEmpty();
                for (int t : claims) themesOf.get(q).add(tax.themes().get(t).slug());
            }
        }
        List<String> order = before.themes().stream().map(Theme::slug).toList();
        List<String> autoSlugs = store.autoSlugs();
        int k = autoSlugs.size();
        int placed = 0;
        for (int q = 0; q < fresh.size(); q++) {
            if (claimed[q]) continue;
            placed++;
            SparseVector x = autoXs[fresh.get(q)];
            if (x.isEmpty()) {
                themesOf.get(q).add(ThemeEngine.OTHER_SLUG);
                continue;
            }
            float[][] c = new float[k][x.ids().length];
            for (int e = 0; e < x.ids().length; e++) {
                int id = x.ids()[e];
                float[] row = id < dims ? store.centroids(id) : emb.get().autoCentroids(id - dims);
                for (int j = 0; j < k; j++) c[j][e] = row[j];
            }
            double[] sims = SphericalKMeans.similarities(List.of(local(x)), c);
            AutoClustering.Placement at = AutoClustering.placeLater(sims, 0, k);
            if (at.theme() < 0) {
                themesOf.get(q).add(ThemeEngine.OTHER_SLUG);
                continue;
            }
            themesOf.get(q).add(autoSlugs.get(at.theme()));
            // Secondary themes join in the order of the themes, as the engine adds them.
            at.secondary().stream().map(autoSlugs::get).sorted(Comparator.comparingInt(order::indexOf))
                    .forEach(themesOf.get(q)::add);
        }
        Set<String> known = new HashSet<>(order);
        for (List<String> ts : themesOf) if (!known.containsAll(ts)) return Optional.empty(); // a theme appears

        // Related papers: the same candidates and ranking, over the store's fit set and the month's vectors. Only the
        // month's papers' first days are asked: a fit-set paper is a candidate for every paper whatever its day.
        long[] firstSeen = new long[n];
        for (int i : monthIndex) firstSeen[i] = paperAt[i].firstSeen().toEpochDay();
        java.util.function.IntFunction<SparseVector> fitRelated = fitRelated(store, emb, mean, weights.related());
        SparseVector[] rs = relatedXs;
        if (fitCount <= RelatedPapers.EXHAUSTIVE_UP_TO) {
            for (int o = 0; o < fitCount; o++) rs[pos.ofFit(o)] = fitRelated.apply(o);
        }
        int[] todo = fresh.stream().mapToInt(Integer::intValue).toArray();
        int relatedDims = dims + emb.map(DailyEmbeddings::dimensions).orElse(0);
        int[][] similar = RelatedPapers.computeOutside(todo, fit, monthIndex, firstSeen, fitCount, relatedDims, rs, xs,
                dims, d -> fitRelated.apply(pos.fitOrdinal(d)), t -> {
                    DailyStore.Posting p = store.posting(t);
                    if (p.docs().length == 0) return null;
                    int[] docs = new int[p.docs().length];
                    for (int e = 0; e < docs.length; e++) docs[e] = pos.ofFit(p.docs()[e]);
                    return new RelatedPapers.Postings(docs, p.weights());
                });
        Map<Integer, String> freshPrimary = new HashMap<>();
        for (int q = 0; q < fresh.size(); q++) freshPrimary.put(fresh.get(q), themesOf.get(q).get(0));
        java.util.function.IntFunction<Object> primaryOf = c -> {
            if (fit[c]) return store.fitPrimary(pos.fitOrdinal(c)).orElse(null);
            String p = freshPrimary.get(c);
            if (p != null) return p;
            List<String> ts = before.paperThemes().get(paperAt[c].slug());
            return ts == null || ts.isEmpty() ? null : ts.get(0);
        };
        // The new papers over the earlier ones, not a copy of 128,000 entries: looked up by slug only.
        Map<String, List<String>> related = new Overlay<>(before.related());
        Map<String, List<String>> paperThemes = new Overlay<>(before.paperThemes());
        for (int q = 0; q < fresh.size(); q++) {
            int i = fresh.get(q);
            int[] shown = RelatedPapers.rerankOne(rs[i], similar[q], c -> rs[c], freshPrimary.get(i), primaryOf,
                    engine.sameThemeBonus());
            List<String> r = new ArrayList<>();
            for (int j : shown) r.add(fit[j] ? store.fitSlug(pos.fitOrdinal(j)) : paperAt[j].slug());
            related.put(paperAt[i].slug(), r);
            paperThemes.put(paperAt[i].slug(), List.copyOf(new LinkedHashSet<>(themesOf.get(q))));
        }

        // The themes' members: the new papers first (newest first, as the engine orders them; they are newer than
        // every other paper), then the members they had.
        Comparator<Paper> newestFirst = Comparator.comparing(Paper::firstSeen).reversed().thenComparing(Paper::slug);
        List<Paper> freshByAge = fresh.stream().map(i -> paperAt[i]).sorted(newestFirst).toList();
        List<Theme> themes = new ArrayList<>();
        for (Theme t : before.themes()) {
            List<String> newest = new ArrayList<>();
            for (Paper p : freshByAge) if (paperThemes.get(p.slug()).contains(t.slug())) newest.add(p.slug());
            themes.add(t.withNewest(newest)); // the members it had are not read: they may be thousands, kept
        }
        taxonomy.ifPresent(tax -> {
            for (Taxonomy.Entry e : tax.themes()) {
                if (!known.contains(e.slug())) local.warning(tax.at(e.slug()), "theme \"" + e.name() + "\" matches no paper");
            }
        });
        local.sorted().forEach(problems::add);
        int fitVectorsRead = store.vectorsRead() + emb.map(DailyEmbeddings::vectorsRead).orElse(0);
        int postingsRead = store.postingsRead();
        Work work = new Work(analysed, reused, placed, fresh.size(), fitVectorsRead, postingsRead, embedded);
        try {
            DailyStore.writeMonth(DailyStore.monthLocation(themeCache), identity.modelKey(), monthVectors);
            if (embedder.isPresent()) {
                DailyEmbeddings.writeMonth(DailyEmbeddings.monthLocation(themeCache), identity.modelKey(), monthEmbeddings);
            }
        } catch (IOException e) {
            // Only a hint: the next day weighs the month's papers again (and embeds them).
        }
        return Optional.of(new Result(new Assignment(themes, paperThemes, related, before.retired(), identity.key()),
                work));
    }

    /**
     * Where papers stand in slug order (the index the full assignment gives them) when the month's papers, at
     * {@code monthIndex} (ascending), fall among the fit set's: {@code fitBefore[m]} of the fit set's slugs sort
     * before month paper m's.
     */
    private record Positions(int[] monthIndex, int[] fitBefore) {
        /** The index of the fit set's paper at this position: after it, the month's papers sorting before it. */
        int ofFit(int ordinal) {
            return ordinal + upperBound(fitBefore, ordinal);
        }

        /** The position in the fit set of the paper at index {@code i}, which is not one of the month's. */
        int fitOrdinal(int i) {
            return i - upperBound(monthIndex, i - 1);
        }

        /** How many of the ascending {@code xs} are at most {@code x}. */
        private static int upperBound(int[] xs, int x) {
            int lo = 0, hi = xs.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (xs[mid] <= x) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /**
     * A fit-set paper's vector for related papers, by its position in the fit set: its TF-IDF vector, joined with
     * its embedding as the full assignment's corpus joins it when there are embeddings.
     */
    private static java.util.function.IntFunction<SparseVector> fitRelated(DailyStore store, Optional<DailyEmbeddings> emb,
                                                                           float[] mean, double weight) {
        if (emb.isEmpty() || weight <= 0) return store::fitVector;
        int base = store.dims();
        // Embeddings alone need not read the words' part.
        return o -> Corpus.joined(weight >= 1 ? SparseVector.EMPTY : store.fitVector(o), emb.get().fitVector(o).unit(),
                mean, weight, base);
    }

    /** The theme cache's key of a paper's text: what its vectors are kept under. */
    private static ThemeCache.Key textKey(Paper p) {
        return ThemeCache.key(p.title(), p.abstractRaw().orElse(null));
    }

    /** An embedding-only vector (ids from {@code base} on) renumbered from 0: for arrays of the embedding's dimensions. */
    private static SparseVector fromBase(SparseVector x, int base) {
        int[] ids = new int[x.ids().length];
        for (int e = 0; e < ids.length; e++) ids[e] = x.ids()[e] - base;
        return new SparseVector(ids, x.weights());
    }

    /** The vector with its terms renumbered 0, 1, 2, ... in the same order: for arrays of just its terms. */
    private static SparseVector local(SparseVector x) {
        int[] ids = new int[x.ids().length];
        for (int e = 0; e < ids.length; e++) ids[e] = e;
        return new SparseVector(ids, x.weights());
    }
}
