package paperboy.themes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.model.Paper;
import paperboy.problems.Problems;
import paperboy.testing.Samples;
import paperboy.themes.cache.ModelCache;
import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.curated.Taxonomy;
import paperboy.themes.curated.TaxonomyLoader;
import paperboy.themes.curated.TaxonomyScorer;
import paperboy.themes.embed.BgeSmallEmbedder;
import paperboy.themes.embed.PaperVectors;
import paperboy.themes.embed.VectorStore;
import paperboy.themes.text.AnalysisCache;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.text.TermAnalyzer;

/**
 * Chooses the themes' weights by 5-fold cross-validation on the labelled dev set ({@code ../shared/themes-dev}), so
 * the figures say how the choice does on papers it was not made on: for each fold, the setting that scores best on
 * the other four folds' papers is scored on this fold's (pairs within each fold pooled, NMI averaged over the
 * folds), beside the setting best on all 110 papers scored the same way and on all 110 at once. Every run clusters all the sample's papers (no label is
 * used by the product); only the scoring is split. For automatic themes, the taxonomy written from the dev set's
 * descriptions ({@link DevSetScoreTest#taxonomyFromDescriptions}) and related papers, it prints the held-out
 * score beside the in-sample score of the setting best on all 110 papers, for TF-IDF alone (w = 0), embeddings
 * alone (w = 1) and any weight (0, 0.25, ..., 1: both); for the taxonomy also the TF-IDF scorer with the embeddings'
 * centroid added as evidence, and any setting at all. Not a test (a few minutes):
 * {@code java -cp target/test-classes:target/paperboy.jar paperboy.themes.CrossValidationBench}.
 */
public final class CrossValidationBench {
    static final int FOLDS = 5;
    /**
     * The 5-fold split is made this many times, by different shuffles, and the figures averaged: with 22 papers a
     * fold, one split's held-out figure moves by a few hundredths with the shuffle alone.
     */
    static final int REPEATS = 10;

    /** One setting to try, its name for the table, and what it gives. */
    record Setting(String task, String family, String label, ThemeEngine.Weights weights) {
        boolean taxonomy() {
            return task.equals("guided");
        }
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode gold = json.readTree(Path.of("../shared/themes-dev/gold-dev.json").toFile());
        List<Paper> papers = Samples.sampleDigest().papers();
        List<DevScores> splits = new ArrayList<>();
        for (int r = 0; r < REPEATS; r++) splits.add(new DevScores(gold, papers, FOLDS, 22 + r));
        DevScores scores = splits.get(0);
        TermAnalyzer analyzer = new TermAnalyzer();
        PaperTerms[] analysed = Corpus.analyse(papers, analyzer, AnalysisCache.NONE);
        Path dir = Files.createTempDirectory("cv");
        Path yml = dir.resolve(TaxonomyLoader.FILE_NAME);
        Files.writeString(yml, DevSetScoreTest.taxonomyFromDescriptions(gold), StandardCharsets.UTF_8);
        Taxonomy taxonomy = new TaxonomyLoader(analyzer).load(yml, new Problems()).orElseThrow();
        BgeSmallEmbedder embedder = new BgeSmallEmbedder();
        long t0 = System.nanoTime();
        float[][] vectors = PaperVectors.of(papers, embedder, VectorStore.NONE, System.err);
        List<float[]> descriptions = PaperVectors.ofTexts(taxonomy.themes().stream().map(Themes::describe).toList(),
                embedder, VectorStore.NONE);
        System.out.printf(Locale.ROOT, "embedded %d papers in %.1f s%n", papers.size(), (System.nanoTime() - t0) / 1e9);
        ThemeEngine.Embedded embedded = new ThemeEngine.Embedded(vectors, descriptions);

        List<Setting> settings = new ArrayList<>();
        double[] ws = {0, 0.25, 0.5, 0.75, 1};
        // Automatic themes: one k-means run at the silhouette's k (as before), or the consensus of many runs cut at
        // a share of runs (AutoClustering.consensus).
        for (double w : ws) {
            settings.add(new Setting("automatic", family(w), String.format(Locale.ROOT, "w=%.2f k-means", w),
                    new ThemeEngine.Weights(w, w, TaxonomyScorer.Weights.TFIDF, w, 0.1, AutoClustering.Options.KMEANS)));
            for (double cut : CUTS) {
                settings.add(new Setting("automatic", family(w), String.format(Locale.ROOT, "w=%.2f consensus cut=%.1f", w, cut),
                        new ThemeEngine.Weights(w, w, TaxonomyScorer.Weights.TFIDF, w, 0.1, AutoClustering.Options.consensus(cut))));
            }
        }
        // Related papers are re-ranked by the primary theme: with the automatic themes the product uses (TF-IDF's for
        // TF-IDF alone, else those of the embeddings' weight chosen for automatic themes).
        double auto = ThemeEngine.Weights.EMBEDDINGS.auto();
        AutoClustering.Options clustering = ThemeEngine.Weights.EMBEDDINGS.clustering();
        for (double w : ws) {
            for (double bonus : new double[] {0, 0.05, 0.1, 0.2, 0.3}) {
                settings.add(new Setting("related", family(w), String.format(Locale.ROOT, "w=%.2f bonus=%.2f", w, bonus),
                        new ThemeEngine.Weights(w == 0 ? 0 : auto, 0, TaxonomyScorer.Weights.TFIDF, w, bonus,
                                w == 0 ? AutoClustering.Options.KMEANS : clustering)));
            }
        }
        // The taxonomy by TF-IDF is the path without embeddings, as it is (the scorer's weights were set before this
        // bench); with embeddings, the papers no theme claims are grouped with the automatic themes' weight.
        settings.add(new Setting("guided", "TF-IDF", "w=0.00 TF-IDF scorer", ThemeEngine.Weights.TFIDF));
        // The same scorer with the embeddings' centroid as one more piece of evidence.
        for (double near : new double[] {2.5, 5, 10, 20}) {
            TaxonomyScorer.Weights t = TaxonomyScorer.Weights.TFIDF;
            settings.add(new Setting("guided", "centroid", String.format(Locale.ROOT, "w=0.00 TF-IDF scorer, embedding centroid=%.1f", near),
                    new ThemeEngine.Weights(auto, 0, new TaxonomyScorer.Weights(t.similarity(), t.centroid(), t.claimBelow(), near),
                            auto, 0.1, clustering)));
        }
        for (double w : new double[] {0.5, 0.75, 1}) {
            for (double sim : new double[] {5, 10, 20}) {
                for (double cen : new double[] {10, 20, 40}) {
                    for (double claim : new double[] {0.5, 1, 2}) {
                        settings.add(new Setting("guided", family(w), String.format(Locale.ROOT,
                                "w=%.2f similarity=%.0f centroid=%.0f claim=%.1f", w, sim, cen, claim),
                                new ThemeEngine.Weights(auto, w, new TaxonomyScorer.Weights(sim, cen, claim), auto, 0.1, clustering)));
                    }
                }
            }
        }
        // Per setting: the primary theme and the related papers of every paper.
        Map<Setting, Assignment> runs = new HashMap<>();
        t0 = System.nanoTime();
        for (Setting s : settings) {
            ThemeEngine engine = new ThemeEngine(analyzer, 4, 24, s.weights(), "cv");
            runs.put(s, engine.assign(papers, analysed, Optional.of(embedded),
                    s.taxonomy() ? Optional.of(taxonomy) : Optional.empty(), new Problems(), ModelCache.NONE));
        }
        System.out.printf(Locale.ROOT, "%d settings run in %.1f s%n%n", settings.size(), (System.nanoTime() - t0) / 1e9);

        System.out.println("| task | compared by | held-out folds | same folds, in-sample | all 110, in-sample | setting best on all 110 |");
        System.out.println("|---|---|---|---|---|---|");
        for (String task : List.of("automatic", "guided", "related")) {
            boolean guided = task.equals("guided");
            List<String> families = guided ? List.of("TF-IDF", "embeddings", "any w", "TF-IDF + embedding centroid", "any")
                    : task.equals("automatic") ? List.of("TF-IDF", "embeddings", "any w", "consensus, TF-IDF",
                            "consensus, embeddings", "consensus, any w", "any")
                    : List.of("TF-IDF", "embeddings", "any w");
            for (String family : families) {
                List<Setting> candidates = settings.stream()
                        .filter(s -> s.task().equals(task) && (task.equals("automatic") ? automatic(s, family) : switch (family) {
                            case "any" -> true;
                            case "any w" -> !s.family().equals("centroid");
                            case "TF-IDF + embedding centroid" -> s.family().equals("centroid") || s.family().equals("TF-IDF");
                            default -> s.family().equals(family);
                        }))
                        .toList();
                Function<Setting, double[]> all = s -> scores.score(runs.get(s), task, scores.all());
                Setting best = bestBy(candidates, all);
                double[] heldOut = new double[2], in = new double[2];
                for (DevScores split : splits) {
                    Assignment[] chosen = new Assignment[FOLDS];
                    String[] chosenLabel = new String[FOLDS];
                    for (int f = 0; f < FOLDS; f++) {
                        final int fold = f;
                        Setting b = bestBy(candidates, s -> split.score(runs.get(s), task, split.except(fold)));
                        chosen[f] = runs.get(b);
                        chosenLabel[f] = b.label();
                    }
                    Assignment[] same = new Assignment[FOLDS];
                    java.util.Arrays.fill(same, runs.get(best));
                    double[] h = split.pooled(chosen, chosenLabel, task), i = split.pooled(same, null, task);
                    for (int x = 0; x < 2; x++) {
                        heldOut[x] += h[x] / REPEATS;
                        in[x] += i[x] / REPEATS;
                    }
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", task, family,
                        figures(task, heldOut), figures(task, in), figures(task, all.apply(best)), best.label());
            }
        }
    }

    /** The consensus's cuts tried: the share of runs that must part two papers for them to end apart. */
    static final double[] CUTS = {0.5, 0.6, 0.7, 0.8};

    /** Whether an automatic setting is of the family: k-means (as before) or consensus, by TF-IDF, embeddings or any w. */
    private static boolean automatic(Setting s, String family) {
        boolean consensus = s.label().contains("consensus");
        return switch (family) {
            case "any" -> true;
            case "any w" -> !consensus;
            case "consensus, any w" -> consensus;
            default -> consensus == family.startsWith("consensus, ")
                    && s.family().equals(family.replace("consensus, ", ""));
        };
    }

    private static String family(double w) {
        return w == 0 ? "TF-IDF" : w == 1 ? "embeddings" : "both";
    }

    private static String figures(String task, double[] s) {
        return task.equals("related") ? String.format(Locale.ROOT, "%.3f", s[0])
                : String.format(Locale.ROOT, "%.3f / %.3f", s[0], s[1]);
    }

    /** The setting with the best pairF1 + NMI (or related share); ties to the first. */
    private static Setting bestBy(List<Setting> candidates, Function<Setting, double[]> score) {
        Setting best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Setting s : candidates) {
            double[] x = score.apply(s);
            double v = x[0] + x[1];
            if (v > bestScore + 1e-12) {
                bestScore = v;
                best = s;
            }
        }
        return best;
    }

    /** The dev set's labels, its folds, and the scorer's figures (as {@code score.py} computes them) on any part. */
    static final class DevScores {
        /** per labelled paper: its sample paper's slug and its gold primary theme */
        final List<String> slugs = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final int[] foldOf;
        final int folds;

        DevScores(JsonNode gold, List<Paper> papers, int folds) {
            this(gold, papers, folds, 22);
        }

        /** @param shuffle the seed of the shuffle that makes the folds */
        DevScores(JsonNode gold, List<Paper> papers, int folds, long shuffle) {
            this.folds = folds;
            Map<String, String> slugByKey = new HashMap<>();
            for (Paper p : papers) slugByKey.putIfAbsent(DevSetScoreTest.key(p.title()), p.slug());
            List<String[]> rows = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode p : gold.get("papers")) {
                String key = DevSetScoreTest.key(p.get("title").asText());
                if (!seen.add(key)) continue;
                rows.add(new String[] {slugByKey.get(key), p.get("primary").asText()});
            }
            rows.forEach(r -> {
                slugs.add(r[0]);
                labels.add(r[1]);
            });
            // Folds by a fixed shuffle: each holds a fifth of the papers, of every theme about evenly by chance.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < slugs.size(); i++) order.add(i);
            Collections.shuffle(order, new Random(shuffle));
            foldOf = new int[slugs.size()];
            for (int r = 0; r < order.size(); r++) foldOf[order.get(r)] = r % folds;
        }

        List<Integer> all() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < slugs.size(); i++) out.add(i);
            return out;
        }

        List<Integer> fold(int f) {
            return all().stream().filter(i -> foldOf[i] == f).toList();
        }

        List<Integer> except(int f) {
            return all().stream().filter(i -> foldOf[i] != f).toList();
        }

        /**
         * The figures over all labelled papers, each paper's themes taken from the run chosen without its fold (its
         * held-out prediction). Runs of one setting share theme names; runs of two settings share none, so two
         * papers count as grouped together only when one setting put them in one theme.
         */
        double[] pooled(Assignment[] byFold, String[] settingOfFold, String task) {
            if (task.equals("related")) {
                int[] counts = new int[2];
                for (int i = 0; i < slugs.size(); i++) related(byFold[foldOf[i]], List.of(i), counts);
                return new double[] {counts[1] == 0 ? 0 : (double) counts[0] / counts[1], 0};
            }
            // Pairs within each fold, summed over the folds (each fold's pairs judged by its own run); NMI per fold,
            // averaged (NMI over 22 papers reads higher than over 110: compare it with the in-sample figure
            // computed the same way, not with the whole-set one).
            double tp = 0, pp = 0, gp = 0, nmi = 0;
            for (int f = 0; f < folds; f++) {
                List<String> g = new ArrayList<>(), p = new ArrayList<>();
                for (int i : fold(f)) {
                    List<String> themes = byFold[f].paperThemes().getOrDefault(slugs.get(i), List.of());
                    g.add(labels.get(i));
                    p.add(themes.isEmpty() ? "\0unthemed " + i : "theme " + themes.get(0));
                }
                double[] c = pairCounts(g, p);
                tp += c[0];
                pp += c[1];
                gp += c[2];
                nmi += nmi(g, p) / folds;
            }
            double prec = pp == 0 ? 0 : tp / pp, rec = gp == 0 ? 0 : tp / gp;
            return new double[] {prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec), nmi};
        }

        /** {same-theme pairs in both, pairs predicted together, pairs together in gold}. */
        static double[] pairCounts(List<String> g, List<String> p) {
            Map<String, Integer> cont = new HashMap<>(), cg = new HashMap<>(), cp = new HashMap<>();
            for (int i = 0; i < g.size(); i++) {
                cont.merge(g.get(i) + "\u0001" + p.get(i), 1, Integer::sum);
                cg.merge(g.get(i), 1, Integer::sum);
                cp.merge(p.get(i), 1, Integer::sum);
            }
            return new double[] {pairs(cont), pairs(cp), pairs(cg)};
        }

        /** {pairF1, NMI} of the primary themes, or {share, share} of related papers sharing the gold theme. */
        double[] score(Assignment a, String task, List<Integer> part) {
            if (task.equals("related")) {
                double r = related(a, part);
                return new double[] {r, 0};
            }
            List<String> g = new ArrayList<>(), p = new ArrayList<>();
            for (int i : part) {
                List<String> themes = slugs.get(i) == null ? List.of() : a.paperThemes().getOrDefault(slugs.get(i), List.of());
                g.add(labels.get(i));
                p.add(themes.isEmpty() ? "\0unthemed " + i : "theme " + themes.get(0));
            }
            return new double[] {pairF1(g, p), nmi(g, p)};
        }

        private double related(Assignment a, List<Integer> part) {
            int[] counts = new int[2];
            related(a, part, counts);
            return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
        }

        /** Adds to {same, all} the labelled related papers (first 5) of the papers {@code part}. */
        private void related(Assignment a, List<Integer> part, int[] counts) {
            Map<String, String> labelBySlug = new HashMap<>();
            for (int i = 0; i < slugs.size(); i++) if (slugs.get(i) != null) labelBySlug.put(slugs.get(i), labels.get(i));
            int same = 0, all = 0;
            for (int i : part) {
                List<String> rel = a.related().getOrDefault(slugs.get(i), List.of());
                for (String r : rel.subList(0, Math.min(5, rel.size()))) {
                    String l = labelBySlug.get(r);
                    if (l == null) continue;
                    all++;
                    if (l.equals(labels.get(i))) same++;
                }
            }
            counts[0] += same;
            counts[1] += all;
        }

        static double pairF1(List<String> g, List<String> p) {
            Map<String, Integer> cont = new HashMap<>(), cg = new HashMap<>(), cp = new HashMap<>();
            for (int i = 0; i < g.size(); i++) {
                cont.merge(g.get(i) + "\u0001" + p.get(i), 1, Integer::sum);
                cg.merge(g.get(i), 1, Integer::sum);
                cp.merge(p.get(i), 1, Integer::sum);
            }
            double tp = pairs(cont), gp = pairs(cg), pp = pairs(cp);
            double prec = pp == 0 ? 0 : tp / pp, rec = gp == 0 ? 0 : tp / gp;
            return prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
        }

        private static double pairs(Map<String, Integer> counts) {
            double s = 0;
            for (int n : counts.values()) s += n * (n - 1) / 2.0;
            return s;
        }

        static double nmi(List<String> g, List<String> p) {
            int n = g.size();
            if (n == 0) return 0;
            Map<String, Integer> cont = new HashMap<>(), cg = new HashMap<>(), cp = new HashMap<>();
            for (int i = 0; i < n; i++) {
                cont.merge(g.get(i) + "\u0001" + p.get(i), 1, Integer::sum);
                cg.merge(g.get(i), 1, Integer::sum);
                cp.merge(p.get(i), 1, Integer::sum);
            }
            double hg = entropy(cg, n), hp = entropy(cp, n);
            if (hg == 0 && hp == 0) return 1;
            double mi = 0;
            for (Map.Entry<String, Integer> e : cont.entrySet()) {
                String[] ab = e.getKey().split("\u0001", 2);
                int c = e.getValue();
                mi += (double) c / n * Math.log((double) c * n / ((double) cg.get(ab[0]) * cp.get(ab[1])));
            }
            double denom = (hg + hp) / 2;
            return denom > 0 ? Math.max(0, Math.min(1, mi / denom)) : 0;
        }

        private static double entropy(Map<String, Integer> counts, int n) {
            double h = 0;
            for (int c : counts.values()) if (c > 0) h -= (double) c / n * Math.log((double) c / n);
            return h;
        }
    }
}
