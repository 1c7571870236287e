package paperboy.state;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import paperboy.assemble.DigestAssembler.Assembly;
import paperboy.assemble.PaperIdentities;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.LazyText;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.model.SourceRef;
import paperboy.model.Theme;
import paperboy.problems.Problem;
import paperboy.problems.Severity;
import paperboy.text.Hash128;
import paperboy.write.AtomicFile;
import paperboy.write.CacheFile;
import paperboy.write.OutputFolder;

/**
 * The archive as the previous build left it, the build's source of truth between runs: every paper (with its themes
 * and related papers), day and listing, the themes, who each identity key belongs to, and the warnings the listings
 * gave. A daily build reads it instead of every listing file and assembles only the new days onto it.
 *
 * <p>Kept beside the site as the folder {@code .SITE.state} (never published): one file per month, holding the
 * papers first seen in it with the identity keys they own, and the month's days; and a manifest naming those files,
 * with the themes and the warnings. A build writes only the months whose content changed, under new names, then
 * the manifest (atomically), then removes what no manifest names: a build killed on the way leaves the old manifest
 * and every file it names. The manifest carries the identity of the build that wrote it (its settings and content
 * hashes, as the build cache has them), and is read only under the same identity. Only ever a hint, like the caches:
 * anything missing or damaged reads as no state, and the build reads every listing instead.
 */
public final class ArchiveStore {
    static final CacheFile MANIFEST = new CacheFile("paperboy-archive", 3);
    static final CacheFile MONTH = new CacheFile("paperboy-archive-month", 2);
    private static final String MANIFEST_NAME = "archive.cbor";

    private ArchiveStore() {}

    /**
     * What a build keeps.
     *
     * @param assembly         the digest with its themes (without the editor's notes and pages, read anew by every
     *                         build) and its identities
     * @param listingWarnings  what reading and assembling the listings reported
     * @param themesStoreKey   the key of the themes' daily store the digest's themes came with
     *                         ({@code ThemeAssigner.Assignment.storeKey}), "" when none
     */
    public record Archive(Assembly assembly, List<Problem> listingWarnings, String themesStoreKey) {
        public Archive {
            listingWarnings = List.copyOf(listingWarnings);
            Objects.requireNonNull(themesStoreKey, "themesStoreKey");
        }

        public Archive(Assembly assembly, List<Problem> listingWarnings) {
            this(assembly, listingWarnings, "");
        }
    }

    /**
     * An archive as read, with the files it came from, to write only what changed.
     *
     * @param texts the abstracts, read from the months' text files as the build asks for them
     */
    public record Read(Archive archive, Map<YearMonth, String> files, long generation, Texts texts) {}

    /** Where the state of the site at {@code outDir} lives: {@code .site.state} beside {@code site/}. */
    public static Path location(Path outDir) {
        return OutputFolder.beside(outDir, ".state");
    }

    /**
     * The state in {@code dir} if it was written under {@code identity}; empty when there is none or any part of
     * it is missing or damaged. Paths in it are relative to {@code contentDir}.
     */
    public static Optional<Read> read(Path dir, String identity, Path contentDir) {
        Optional<Manifest> m = MANIFEST.read(dir.resolve(MANIFEST_NAME), identity, in -> manifest(in, contentDir));
        if (m.isEmpty()) return Optional.empty();
        Texts texts = new Texts();
        List<Optional<Month>> months = m.get().files().entrySet().parallelStream()
                .map(e -> MONTH.read(dir.resolve(e.getValue()), e.getKey().toString(),
                        in -> month(in, contentDir, texts.of(dir.resolve(textsName(e.getValue())))))
                        .filter(x -> texts.of(dir.resolve(textsName(e.getValue()))).intact()))
                .toList();
        if (months.stream().anyMatch(Optional::isEmpty)) return Optional.empty();
        List<Paper> papers = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        Map<Hash128.Value, String> owners = new HashMap<>();
        Map<String, PaperIdentities.Variants> variants = new HashMap<>();
        for (Optional<Month> month : months) {
            Month x = month.get();
            papers.addAll(x.papers());
            days.addAll(x.days());
            owners.putAll(x.owners());
            variants.putAll(x.variants());
        }
        List<Theme> themes = new ArrayList<>();
        for (int i = 0; i < m.get().themes().size(); i++) {
            Theme t = m.get().themes().get(i);
            List<String> members = new ArrayList<>();
            for (int n : m.get().members().get(i)) {
                if (n < 0 || n >= papers.size()) return Optional.empty();
                members.add(papers.get(n).slug());
            }
            themes.add(new Theme(t.slug(), t.name(), t.description(), members, t.keywords(), t.curated()));
        }
        papers.sort(Comparator.comparing(Paper::slug));
        Digest digest = Digest.of(days, papers, themes).withRetiredThemes(m.get().retired());
        Archive a = new Archive(new Assembly(digest, new PaperIdentities(owners, variants)), m.get().warnings(),
                m.get().themesStoreKey());
        return Optional.of(new Read(a, m.get().files(), m.get().generation(), texts));
    }

    /**
     * Writes {@code archive} under {@code identity}: the months that differ from {@code before} (all without it),
     * then the manifest; then removes the files no longer named.
     *
     * @return how many month files were written
     */
    public static int write(Path dir, String identity, Archive archive, Path contentDir, Optional<Read> before)
            throws IOException {
        Files.createDirectories(dir);
        Map<YearMonth, Contents> now = contents(archive.assembly().digest());
        Map<YearMonth, Contents> was = before.map(b -> contents(b.archive().assembly().digest())).orElse(Map.of());
        long generation = Math.max(before.map(Read::generation).orElse(0L), highestGeneration(dir)) + 1;
        Map<YearMonth, String> files = new TreeMap<>();
        Set<YearMonth> changed = new HashSet<>();
        for (Map.Entry<YearMonth, Contents> e : now.entrySet()) {
            YearMonth ym = e.getKey();
            // A key and a variant belong to a paper whose record changed when they did (it was listed then).
            Optional<String> kept = before.map(b -> b.files().get(ym))
                    .filter(f -> e.getValue().equals(was.get(ym)) && Files.isRegularFile(dir.resolve(f)));
            if (kept.isPresent()) files.put(ym, kept.get());
            else changed.add(ym);
        }
        for (Map.Entry<YearMonth, Month> e : months(archive.assembly(), now, changed).entrySet()) {
            YearMonth ym = e.getKey();
            String name = ym + "." + generation + ".cbor";
            TextsOut abstracts = new TextsOut(e.getValue().papers());
            AtomicFile.write(dir.resolve(textsName(name)), abstracts::writeTo);
            MONTH.write(dir.resolve(name), ym.toString(), g -> writeMonth(g, e.getValue(), abstracts, contentDir));
            files.put(ym, name);
        }
        int written = changed.size();
        Digest d = archive.assembly().digest();
        Map<String, Integer> number = new HashMap<>();
        for (Contents c : now.values()) for (Paper p : c.papers()) number.put(p.slug(), number.size());
        List<int[]> members = new ArrayList<>();
        for (Theme t : d.themes()) {
            members.add(t.paperSlugs().stream()
                    .mapToInt(slug -> Objects.requireNonNull(number.get(slug), "a theme's paper is in a month")).toArray());
        }
        Manifest m = new Manifest(files, generation, d.themes(), members, d.retiredThemes(), archive.listingWarnings(),
                archive.themesStoreKey());
        MANIFEST.write(dir.resolve(MANIFEST_NAME), identity, g -> writeManifest(g, m, contentDir));
        Set<String> named = new HashSet<>(files.values());
        files.values().forEach(f -> named.add(textsName(f)));
        named.add(MANIFEST_NAME);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path f : all) if (!named.contains(f.getFileName().toString())) Files.deleteIfExists(f);
        }
        return written;
    }

    /** The highest generation among the month files in {@code dir}: new files never take an existing name. */
    private static long highestGeneration(Path dir) throws IOException {
        long max = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*.cbor")) {
            for (Path f : all) {
                String[] parts = f.getFileName().toString().split("\\.");
                if (parts.length == 3 && parts[1].matches("[0-9]{1,18}")) max = Math.max(max, Long.parseLong(parts[1]));
            }
        }
        return max;
    }

    /** Removes the state (a build that keeps none): the build that follows reads every listing. */
    public static void drop(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        Files.deleteIfExists(dir.resolve(MANIFEST_NAME)); // first: without it the rest is never read
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path f : all) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }

    /**
     * @param themes  the themes without their members, which are {@code members}: each theme's papers as numbers in
     *                the months' papers one after the other (the months in order, each as its file lists them), so
     *                the manifest holds no slug of the archive's (it is read and written whole by every build)
     */
    private record Manifest(Map<YearMonth, String> files, long generation, List<Theme> themes, List<int[]> members,
                            List<RetiredTheme> retired, List<Problem> warnings, String themesStoreKey) {}

    /**
     * One month of the archive: the papers first seen in it (by slug), the identity keys they own and their
     * variants, and its days.
     */
    private record Month(List<Paper> papers, Map<Hash128.Value, String> owners,
                         Map<String, PaperIdentities.Variants> variants, List<Day> days) {}

    /** A month's papers (first seen in it) and days: what tells whether its file must be written again. */
    private record Contents(List<Paper> papers, List<Day> days) {}

    private static Map<YearMonth, Contents> contents(Digest d) {
        Map<YearMonth, List<Paper>> papers = new TreeMap<>();
        for (Paper p : d.papers()) papers.computeIfAbsent(YearMonth.from(p.firstSeen()), k -> new ArrayList<>()).add(p);
        Map<YearMonth, List<Day>> days = new TreeMap<>();
        for (Day x : d.days()) days.computeIfAbsent(YearMonth.from(x.date()), k -> new ArrayList<>()).add(x);
        Map<YearMonth, Contents> out = new TreeMap<>();
        Set<YearMonth> all = new HashSet<>(papers.keySet());
        all.addAll(days.keySet());
        for (YearMonth ym : all) out.put(ym, new Contents(papers.getOrDefault(ym, List.of()), days.getOrDefault(ym, List.of())));
        return out;
    }

    /** The months {@code which} in full: their contents, and the identity keys and variants of their papers. */
    private static Map<YearMonth, Month> months(Assembly a, Map<YearMonth, Contents> contents, Set<YearMonth> which) {
        Map<String, YearMonth> monthOf = new HashMap<>();
        for (YearMonth ym : which) for (Paper p : contents.get(ym).papers()) monthOf.put(p.slug(), ym);
        Map<YearMonth, Map<Hash128.Value, String>> owners = new HashMap<>();
        a.identities().owners().forEach((k, slug) -> {
            YearMonth ym = monthOf.get(slug);
            if (ym != null) owners.computeIfAbsent(ym, x -> new HashMap<>()).put(k, slug);
        });
        Map<YearMonth, Map<String, PaperIdentities.Variants>> variants = new HashMap<>();
        a.identities().variants().forEach((slug, v) -> {
            YearMonth ym = monthOf.get(slug);
            if (ym != null) variants.computeIfAbsent(ym, x -> new HashMap<>()).put(slug, v);
        });
        Map<YearMonth, Month> out = new TreeMap<>();
        for (YearMonth ym : which) {
            Contents c = contents.get(ym);
            out.put(ym, new Month(c.papers(), owners.getOrDefault(ym, Map.of()), variants.getOrDefault(ym, Map.of()),
                    c.days()));
        }
        return out;
    }

    // --- the month file: [papers, owners, variants, days] ---

    private static void writeMonth(JsonGenerator g, Month m, TextsOut abstracts, Path contentDir) throws IOException {
        g.writeStartArray();
        g.writeStartArray();
        Map<String, Integer> index = new HashMap<>();
        for (Paper p : m.papers()) {
            index.put(p.slug(), index.size());
            g.writeStartArray();
            g.writeString(p.slug());
            g.writeString(p.title());
            abstracts.writeRef(g, p);
            dates(g, p.days());
            g.writeNumber(p.titleVariants());
            g.writeNumber(p.abstractVariants());
            CacheFile.writeStrings(g, p.themes());
            CacheFile.writeStrings(g, p.related());
            where(g, p.firstSource(), contentDir);
            g.writeString(p.arxivId().orElse(null));
            CacheFile.writeStrings(g, p.authors());
            optional(g, p.upvotes());
            g.writeEndArray();
        }
        g.writeEndArray();
        // The keys in a fixed order, so an unchanged month is written as the same bytes.
        List<Map.Entry<Hash128.Value, String>> owners = new ArrayList<>(m.owners().entrySet());
        owners.sort(Comparator.comparing((Map.Entry<Hash128.Value, String> e) -> e.getKey().a())
                .thenComparing(e -> e.getKey().b()));
        g.writeStartArray();
        for (Map.Entry<Hash128.Value, String> e : owners) {
            g.writeNumber(e.getKey().a());
            g.writeNumber(e.getKey().b());
            g.writeNumber(Objects.requireNonNull(index.get(e.getValue()), "a key's owner is of its month"));
        }
        g.writeEndArray();
        g.writeStartArray();
        for (Map.Entry<String, PaperIdentities.Variants> e : new TreeMap<>(m.variants()).entrySet()) {
            g.writeStartArray();
            g.writeNumber(index.get(e.getKey()));
            CacheFile.writeStrings(g, e.getValue().titles());
            CacheFile.writeStrings(g, e.getValue().abstracts());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeStartArray();
        for (Day d : m.days()) {
            g.writeStartArray();
            g.writeString(d.date().toString());
            g.writeStartArray();
            for (Path source : d.sources()) g.writeString(relative(source, contentDir));
            g.writeEndArray();
            g.writeStartArray();
            for (Listing l : d.listings()) {
                g.writeStartArray();
                g.writeString(l.paperSlug());
                g.writeNumber(l.position());
                dates(g, l.earlierDays());
                where(g, l.source(), contentDir);
                optional(g, l.upvotes());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeNumber(abstracts.length());
        g.writeNumber(abstracts.crc());
        g.writeEndArray();
    }

    private static Month month(CacheFile.In in, Path contentDir, Texts.File abstracts) throws IOException {
        Paths paths = new Paths(contentDir);
        in.array();
        List<Paper> papers = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            String slug = in.string();
            String title = in.string();
            LazyText abs = abstracts.text(in);
            List<LocalDate> days = dates(in);
            int titleVariants = in.integer();
            int abstractVariants = in.integer();
            List<String> themes = in.strings();
            List<String> related = in.strings();
            SourceRef first = paths.where(in);
            Optional<String> arxiv = Optional.ofNullable(in.string());
            List<String> authors = in.strings();
            OptionalInt upvotes = in.optionalInteger();
            papers.add(new Paper(slug, title, abs, days, titleVariants, abstractVariants, themes, related, first, arxiv,
                    authors, upvotes));
            in.end();
        }
        Map<Hash128.Value, String> owners = new HashMap<>();
        in.array();
        while (in.more()) {
            Hash128.Value k = new Hash128.Value(in.number(), in.number());
            owners.put(k, papers.get(in.integer()).slug());
        }
        Map<String, PaperIdentities.Variants> variants = new HashMap<>();
        in.array();
        while (in.nextArray()) {
            String slug = papers.get(in.integer()).slug();
            variants.put(slug, new PaperIdentities.Variants(in.strings(), in.strings()));
            in.end();
        }
        List<Day> days = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            LocalDate date = LocalDate.parse(in.string());
            List<Path> sources = new ArrayList<>();
            for (String s : in.strings()) sources.add(paths.resolve(s));
            List<Listing> listings = new ArrayList<>();
            in.array();
            while (in.nextArray()) {
                String slug = in.string();
                int position = in.integer();
                List<LocalDate> earlier = dates(in);
                SourceRef at = paths.where(in);
                listings.add(new Listing(slug, date, position, earlier, at, in.optionalInteger()));
                in.end();
            }
            days.add(new Day(date, listings, sources));
            in.end();
        }
        abstracts.expect(in.number(), in.number());
        in.end();
        return new Month(papers, owners, variants, days);
    }

    /** A month file's abstracts are beside it, in the file of the same name ending {@code .texts}. */
    private static String textsName(String monthFile) {
        return monthFile.substring(0, monthFile.length() - ".cbor".length()) + ".texts";
    }

    // --- the manifest: [generation, files, themes, retired, warnings, themes store key] ---

    private static void writeManifest(JsonGenerator g, Manifest m, Path contentDir) throws IOException {
        g.writeStartArray();
        g.writeNumber(m.generation());
        g.writeStartArray();
        for (Map.Entry<YearMonth, String> e : m.files().entrySet()) {
            g.writeString(e.getKey().toString());
            g.writeString(e.getValue());
        }
        g.writeEndArray();
        g.writeStartArray();
        for (int i = 0; i < m.themes().size(); i++) {
            Theme t = m.themes().get(i);
            g.writeStartArray();
            g.writeString(t.slug());
            g.writeString(t.name());
            g.writeString(t.description());
            int[] members = m.members().get(i);
            g.writeArray(members, 0, members.length);
            CacheFile.writeStrings(g, t.keywords());
            g.writeBoolean(t.curated());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeStartArray();
        for (RetiredTheme r : m.retired()) {
            g.writeStartArray();
            g.writeString(r.slug());
            g.writeString(r.name());
            g.writeString(r.retiredOn().toString());
            g.writeStartArray();
            for (RetiredTheme.Successor s : r.successors()) {
                g.writeString(s.slug());
                g.writeNumber(s.papers());
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeStartArray();
        for (Problem p : m.warnings()) {
            g.writeStartArray();
            where(g, p.where(), contentDir);
            g.writeString(p.severity().name());
            g.writeString(p.message());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeString(m.themesStoreKey());
        g.writeEndArray();
    }

    private static Manifest manifest(CacheFile.In in, Path contentDir) throws IOException {
        in.array();
        long generation = in.number();
        Map<YearMonth, String> files = new TreeMap<>();
        in.array();
        while (in.more()) files.put(YearMonth.parse(in.string()), in.string());
        List<Theme> themes = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            String slug = in.string(), name = in.string(), description = in.string();
            members.add(in.ints());
            themes.add(new Theme(slug, name, description, List.of(), in.strings(), in.bool()));
            in.end();
        }
        List<RetiredTheme> retired = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            String slug = in.string();
            String name = in.string();
            YearMonth on = YearMonth.parse(in.string());
            List<RetiredTheme.Successor> successors = new ArrayList<>();
            in.array();
            while (in.more()) successors.add(new RetiredTheme.Successor(in.string(), in.integer()));
            retired.add(new RetiredTheme(slug, name, on, successors));
            in.end();
        }
        List<Problem> warnings = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            SourceRef at = where(in, contentDir);
            warnings.add(new Problem(at, Severity.valueOf(in.string()), in.string()));
            in.end();
        }
        String themesStoreKey = in.string();
        in.end();
        return new Manifest(files, generation, themes, members, retired, warnings, themesStoreKey);
    }

    // --- shared pieces ---

    private static void dates(JsonGenerator g, List<LocalDate> dates) throws IOException {
        g.writeStartArray();
        for (LocalDate d : dates) g.writeNumber(d.toEpochDay());
        g.writeEndArray();
    }

    private static List<LocalDate> dates(CacheFile.In in) throws IOException {
        List<LocalDate> out = new ArrayList<>();
        for (int d : in.ints()) out.add(LocalDate.ofEpochDay(d));
        return out;
    }

    private static void optional(JsonGenerator g, OptionalInt n) throws IOException {
        if (n.isPresent()) g.writeNumber(n.getAsInt());
        else g.writeNull();
    }

    private static void where(JsonGenerator g, SourceRef at, Path contentDir) throws IOException {
        g.writeString(relative(at.file(), contentDir));
        g.writeNumber(at.line());
        g.writeNumber(at.column());
    }

    private static SourceRef where(CacheFile.In in, Path contentDir) throws IOException {
        return new Paths(contentDir).where(in);
    }

    /**
     * The listing files' paths, each resolved once: a month's thousands of listings name a few dozen files, and
     * resolving a path is most of the cost of reading a listing's place.
     */
    private static final class Paths {
        private final Path contentDir;
        private final Map<String, Path> resolved = new HashMap<>();

        Paths(Path contentDir) {
            this.contentDir = contentDir;
        }

        Path resolve(String relative) {
            return resolved.computeIfAbsent(relative, contentDir::resolve);
        }

        SourceRef where(CacheFile.In in) throws IOException {
            return new SourceRef(resolve(in.string()), in.integer(), in.integer());
        }
    }

    /** Paths are kept relative to the content folder, so the state holds none of the machine's. */
    private static String relative(Path p, Path contentDir) throws IOException {
        if (!p.startsWith(contentDir)) throw new IOException(p + " is not in the content folder " + contentDir);
        return contentDir.relativize(p).toString();
    }
}
