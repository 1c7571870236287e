package paperboy.themes;

import paperboy.themes.text.FitSet;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.curated.Taxonomy;
import paperboy.themes.curated.TaxonomyLoader;
import paperboy.themes.text.TermAnalyzer;
import paperboy.themes.cache.ModelCache;
import paperboy.themes.cache.ThemeCache;
import paperboy.themes.embed.BgeSmallEmbedder;
import paperboy.themes.embed.Int8Vector;
import paperboy.themes.embed.PaperEmbedder;
import paperboy.themes.embed.PaperVectors;
import paperboy.themes.embed.VectorStore;
import paperboy.themes.text.AnalysisCache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import paperboy.themes.curated.CuratedMatcher;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.problems.Problems;

/**
 * The theme assigner for a build: {@code off}, {@code auto} (clustering only) or {@code curated}
 * (content/themes.yml first, clustering for the papers it does not claim; plain clustering without the file).
 */
public final class Themes implements ThemeAssigner {

    private final ThemesConfig.Mode mode;
    private final Path taxonomyFile;
    private final ThemeEngine engine;
    private final TermAnalyzer analyzer;
    /** Where per-paper analyses are kept between builds ({@link ThemeCache}); null: none kept */
    private final Path cacheFile;
    /** the sentence embedding model; empty with {@code themes: {embeddings: off}} */
    private final Optional<PaperEmbedder> embedder;

    private Themes(ThemesConfig.Mode mode, Path taxonomyFile, ThemesConfig config, Optional<PaperEmbedder> embedder) {
        this.mode = mode;
        this.taxonomyFile = taxonomyFile;
        this.analyzer = new TermAnalyzer();
        this.embedder = embedder;
        this.engine = embedder.map(e -> new ThemeEngine(analyzer, config.minThemes(), config.maxThemes(),
                        ThemeEngine.Weights.EMBEDDINGS, e.modelId()))
                .orElseGet(() -> new ThemeEngine(analyzer, config.minThemes(), config.maxThemes()));
        this.cacheFile = null;
    }

    private Themes(Themes t, Path cacheFile) {
        this.mode = t.mode;
        this.taxonomyFile = t.taxonomyFile;
        this.analyzer = t.analyzer;
        this.engine = t.engine;
        this.embedder = t.embedder;
        this.cacheFile = cacheFile;
    }

    /** The same themes, reusing and keeping each paper's analysis in the theme cache of the site at {@code outDir}. */
    @Override
    public ThemeAssigner cachedFor(Path outDir) {
        return new Themes(this, ThemeCache.location(outDir));
    }

    /**
     * @param mode a {@link ThemesConfig.Mode} as the user wrote it; null means the config's
     * @throws IllegalArgumentException for an unknown mode, with a message for the user
     */
    public static ThemeAssigner forBuild(ThemesConfig config, String mode, Path contentDir) {
        ThemesConfig c = config.orDefaults();
        String text = mode != null ? mode : c.mode();
        ThemesConfig.Mode m = ThemesConfig.Mode.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "themes mode \"" + text.toLowerCase(Locale.ROOT) + "\" is not one of "
                        + Arrays.stream(ThemesConfig.Mode.values()).map(String::valueOf).collect(Collectors.joining(", "))));
        if (c.minThemes() < 1 || c.maxThemes() < c.minThemes()) {
            throw new IllegalArgumentException("themes: need 1 <= minThemes <= maxThemes, got " + c.minThemes()
                    + " and " + c.maxThemes());
        }
        boolean embed = c.embeddingsOn().orElseThrow(() -> new IllegalArgumentException(
                "themes: embeddings \"" + c.embeddings() + "\" is not on or off"));
        return forBuild(m, c, contentDir, embed ? Optional.of(new BgeSmallEmbedder()) : Optional.empty());
    }

    /** With this embedding model (empty: TF-IDF alone), whatever the config says: for tests. */
    static ThemeAssigner forBuild(ThemesConfig.Mode m, ThemesConfig c, Path contentDir, Optional<PaperEmbedder> embedder) {
        return m == ThemesConfig.Mode.OFF ? ThemeAssigner.none()
                : new Themes(m, contentDir.resolve(TaxonomyLoader.FILE_NAME), c.orDefaults(), embedder);
    }

    /** The model is fitted on the papers before the latest month unless the archive is young (see {@link FitSet}). */
    @Override
    public boolean placesLatestMonthOnly(Digest digest) {
        return FitSet.frozen(digest);
    }

    @Override
    public Assignment assign(List<Paper> papers) {
        return assign(papers, new Problems());
    }

    @Override
    public Assignment assign(List<Paper> papers, Problems problems) {
        Optional<Taxonomy> taxonomy = Optional.empty();
        if (mode == ThemesConfig.Mode.CURATED) {
            taxonomy = new TaxonomyLoader(analyzer).load(taxonomyFile, problems);
            if (problems.hasErrors()) return Assignment.none();
        }
        if (cacheFile == null) {
            return engine.assign(papers, Corpus.analyse(papers, analyzer, AnalysisCache.NONE),
                    embedded(papers, taxonomy, VectorStore.NONE), taxonomy, problems, ModelCache.NONE);
        }
        ThemeCache cache = ThemeCache.read(cacheFile).lookUp(papers);
        PaperTerms[] analysed = Corpus.analyse(papers, analyzer, cache);
        Optional<Vectors> vectors = vectors(papers, taxonomy, cache);
        Optional<ThemeEngine.Embedded> embedded = vectors.map(Vectors::embedded);
        // Kept for the next build (only when it would differ from what is there) as soon as the model is known,
        // while the themes are worked out.
        CompletableFuture<Void> keep = cache.settled().thenRunAsync(() -> {
            if (!cache.changed()) return;
            try {
                cache.write(cacheFile, analysed);
            } catch (IOException | RuntimeException e) {
                // Only a hint: without it the next build analyses every paper and fits the model again.
            }
        });
        Assignment a;
        ThemeEngine.Basis[] basis = new ThemeEngine.Basis[1];
        try {
            a = engine.assign(papers, analysed, embedded, taxonomy, problems, cache, b -> basis[0] = b);
        } finally {
            cache.settle();
        }
        Optional<String> storeKey = Optional.empty();
        if (basis[0] != null && FitSet.frozen(papers)) {
            try {
                Optional<Taxonomy> t = taxonomy;
                storeKey = AppendedDay.keep(cacheFile, papers, FitSet.of(papers), cache, dailyConfig(t), basis[0],
                        t.map(x -> new CuratedMatcher(x, analyzer)), a.paperThemes(), vectors.map(Vectors::papers));
            } catch (IOException | RuntimeException e) {
                // Only a hint: without it the next day's build assigns every paper again.
            }
        }
        keep.join();
        return storeKey.map(a::withStoreKey).orElse(a);
    }

    /**
     * The daily case from what the last build that fitted or kept the model left beside the site. See
     * {@link AppendedDay}.
     */
    @Override
    public Optional<Assignment> assignAppended(Digest assembled, Set<String> added, Assignment before,
                                               Problems problems) {
        return appended(assembled, added, before, problems).map(AppendedDay.Result::assignment);
    }

    /** As {@link #assignAppended}, with what it did: for the tests that count work. */
    Optional<AppendedDay.Result> appended(Digest assembled, Set<String> added, Assignment before, Problems problems) {
        if (cacheFile == null) return Optional.empty();
        Problems local = new Problems();
        Optional<Taxonomy> taxonomy = Optional.empty();
        if (mode == ThemesConfig.Mode.CURATED) {
            taxonomy = new TaxonomyLoader(analyzer).load(taxonomyFile, local);
            if (local.hasErrors()) return Optional.empty();
        }
        Optional<AppendedDay.Result> r = AppendedDay.place(cacheFile, assembled, added, before, dailyConfig(taxonomy),
                taxonomy, engine, analyzer, embedder, local);
        r.ifPresent(x -> local.sorted().forEach(problems::add));
        return r;
    }

    /**
     * What the daily store is a function of besides the fit set: the model's settings, the mode, the taxonomy's
     * content and this paperboy (its scoring code).
     */
    private String dailyConfig(Optional<Taxonomy> taxonomy) {
        StringBuilder b = new StringBuilder(engine.modelConfig()).append('\0').append(mode).append('\0')
                .append(codeIdentity());
        taxonomy.ifPresent(t -> t.themes().forEach(e -> {
            b.append('\0').append(e.slug()).append('\1').append(e.name()).append('\1').append(e.description());
            e.keywords().forEach(k -> b.append('\2').append(k));
            e.papers().forEach(p -> b.append('\3').append(p.title()));
        }));
        return b.toString();
    }

    /** Which paperboy made the store: the jar's size and time, so a rebuilt jar (other weights) makes it again. */
    private static String codeIdentity() {
        try {
            Path code = Path.of(Themes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (java.nio.file.Files.isRegularFile(code)) {
                return java.nio.file.Files.size(code) + " " + java.nio.file.Files.getLastModifiedTime(code).toMillis();
            }
            return code.toString(); // classes folder (tests, IDE)
        } catch (Exception e) {
            return "?";
        }
    }

    /** Every paper's embedding and each curated theme's, from the store or the model; empty when embeddings are off. */
    private Optional<ThemeEngine.Embedded> embedded(List<Paper> papers, Optional<Taxonomy> taxonomy, VectorStore store) {
        return vectors(papers, taxonomy, store).map(Vectors::embedded);
    }

    /** The papers' int8 vectors (what the daily store keeps) and what the engine takes of them. */
    private record Vectors(Int8Vector[] papers, ThemeEngine.Embedded embedded) {}

    private Optional<Vectors> vectors(List<Paper> papers, Optional<Taxonomy> taxonomy, VectorStore store) {
        if (embedder.isEmpty()) return Optional.empty();
        PaperEmbedder e = embedder.get();
        Int8Vector[] quantised = PaperVectors.quantised(papers, e, store, System.err);
        float[][] vectors = new float[quantised.length][];
        for (int i = 0; i < vectors.length; i++) vectors[i] = quantised[i].unit();
        List<String> descriptions = taxonomy.map(t -> t.themes().stream().map(Themes::describe).toList()).orElse(List.of());
        return Optional.of(new Vectors(quantised,
                new ThemeEngine.Embedded(vectors, PaperVectors.ofTexts(descriptions, e, store))));
    }

    /** What a curated theme says it is, as one text to embed: its name, description and keywords. */
    static String describe(Taxonomy.Entry e) {
        String text = e.name() + ". " + e.description();
        return e.keywords().isEmpty() ? text : text + ". " + String.join(", ", e.keywords()) + ".";
    }
}
