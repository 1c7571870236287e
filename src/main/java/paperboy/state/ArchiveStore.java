package paperboy.state;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.TreeSet;
import paperboy.assemble.Overlay;
import paperboy.model.Newest;
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
import paperboy.model.ThemeActivity;
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
 * <p>Kept beside the site as the folder {@code .SITE.state} (never published): per month, a file holding the papers
 * first seen in it (in first-seen order) with the identity keys they own, and the month's days; its abstracts
 * ({@code .texts}); and an index of its slugs and keys ({@code .index}), with where each paper's part of the month
 * file starts and its checksum. A manifest names those files with their lengths (the index's with its checksum) and
 * what each month holds, and keeps the themes (their members by number) and the warnings. Reading the state reads the
 * manifest and the indexes; a month is opened, and a paper (or abstract) of it checked and decoded, only when the
 * build reads it ({@link KeptMonths}), so a daily build at ten years reads the few papers it reaches.
 * A build writes only the months that changed, under new names, then the manifest (atomically), then removes what
 * no manifest names: a build killed on the way leaves the old manifest and every file it names. The manifest carries
 * the identity of the build that wrote it (its settings and content hashes, as the build cache has them), and is read
 * only under the same identity. Only ever a hint, like the caches: a missing or damaged manifest or index reads as no
 * state, and a month found damaged when decoded stops the build, which starts again from the listings.
 */
public final class ArchiveStore {
    static final CacheFile MANIFEST = new CacheFile("paperboy-archive", 7);
    static final CacheFile MONTH = new CacheFile("paperboy-archive-month", 4);
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
     * @param themeActivity    the themes' listings per day of the digest, when the build counted them
     */
    public record Archive(Assembly assembly, List<Problem> listingWarnings, String themesStoreKey,
                          Optional<ThemeActivity> themeActivity) {
        public Archive {
            listingWarnings = List.copyOf(listingWarnings);
            Objects.requireNonNull(themesStoreKey, "themesStoreKey");
            Objects.requireNonNull(themeActivity, "themeActivity");
        }

        public Archive(Assembly assembly, List<Problem> listingWarnings) {
            this(assembly, listingWarnings, "", Optional.empty());
        }
    }

    /**
     * An archive as read: its months are decoded as the build reads them ({@link KeptMonths}).
     *
     * @param texts the abstracts, read from the months' text files as the build asks for them
     */
    public record Read(Archive archive, Map<YearMonth, String> files, long generation, Texts texts, KeptMonths months) {
        /** How many of its month files the build decoded so far. */
        public int monthsDecoded() {
            return months.openedCount();
        }

        /** How many of its papers the build decoded so far. */
        public int papersDecoded() {
            return months.papersDecoded();
        }

        /** How many papers the archive held when read. */
        public int papersKept() {
            return months.papers();
        }
    }

    /**
     * A month's files as the manifest names them: the month file, its abstracts ({@code .texts}) and its index
     * ({@code .index}), each with the length it was written with (the index with its CRC-32C too; the parts of the
     * others are summed one by one, in the index and in the papers' text references), and what the month holds.
     */
    record MonthFile(YearMonth month, String name, int papers, int days, int listings, long length,
                     long textsLength, long indexLength, long indexCrc) {}

    /** Where the state of the site at {@code outDir} lives: {@code .site.state} beside {@code site/}. */
    public static Path location(Path outDir) {
        return OutputFolder.beside(outDir, ".state");
    }

    /**
     * A month file of the state found damaged when the build came to decode it: the build stops before writing
     * anything and starts again from the listings, without the state ({@code build.SiteBuild}).
     */
    public static final class Damaged extends RuntimeException {
        Damaged(Path file, String what) {
            super(file + ": the archive kept is damaged (" + what + ")");
        }
    }

    /**
     * The state in {@code dir} if it was written under {@code identity}; empty when there is none, or its manifest or
     * an index is missing or damaged. A month and its texts are read, checked and decoded only when the build reads
     * a day or a paper of them: one found damaged then throws {@link Damaged}. Paths in it are relative to
     * {@code contentDir}.
     */
    public static Optional<Read> read(Path dir, String identity, Path contentDir) {
        Optional<Manifest> m = MANIFEST.read(dir.resolve(MANIFEST_NAME), identity, in -> manifest(in, contentDir));
        if (m.isEmpty()) return Optional.empty();
        Texts texts = new Texts();
        List<KeptMonths.Entry> entries = new ArrayList<>();
        for (MonthFile f : m.get().months()) {
            Optional<MonthIndex> index = MonthIndex.read(dir.resolve(indexName(f.name())), f.indexLength(), f.indexCrc());
            if (index.isEmpty()) return Optional.empty();
            Texts.File abstracts = texts.of(dir.resolve(textsName(f.name())));
            abstracts.expect(f.textsLength());
            entries.add(new KeptMonths.Entry(f, dir.resolve(f.name()), index.get(), abstracts));
        }
        KeptMonths months = new KeptMonths(entries, e -> open(e, contentDir));
        List<Theme> themes = new ArrayList<>();
        for (int i = 0; i < m.get().themes().size(); i++) {
            Theme t = m.get().themes().get(i);
            int[] members = m.get().members().get(i);
            for (int n : members) if (n < 0 || n >= months.papers()) return Optional.empty();
            themes.add(new Theme(t.slug(), t.name(), t.description(), months.members(members), t.keywords(),
                    t.curated()));
        }
        Digest digest = months.digest(themes, m.get().retired());
        Archive a = new Archive(new Assembly(digest, new PaperIdentities(months.owners(), months.variants())),
                m.get().warnings(), m.get().themesStoreKey(), m.get().themeActivity());
        Map<YearMonth, String> files = new TreeMap<>();
        for (MonthFile f : m.get().months()) files.put(f.month(), f.name());
        return Optional.of(new Read(a, files, m.get().generation(), texts, months));
    }

    /**
     * A month checked against the length the manifest recorded and opened: its index says where each of its papers
     * and parts starts, so it is not parsed; none is read or decoded yet.
     */
    private static OpenedMonth open(KeptMonths.Entry e, Path contentDir) {
        ByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(e.path(), StandardOpenOption.READ)) {
            if (ch.size() != e.file().length()) throw new Damaged(e.path(), "not the length kept");
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException x) {
            throw new Damaged(e.path(), x.getMessage());
        }
        int[] starts = e.index().starts();
        if (starts.length - 3 != e.file().papers()) throw new Damaged(e.path(), "not the papers counted");
        for (int k = 0; k < starts.length; k++) {
            if (starts[k] < 0 || starts[k] >= mapped.limit() || (k > 0 && starts[k] <= starts[k - 1])) {
                throw new Damaged(e.path(), "not where its index says");
            }
        }
        return new OpenedMonth(e.path(), mapped, starts, e.index(), new MonthParts(new Paths(contentDir), e.texts()));
    }

    /** Where a month file's papers and parts start: found once when it is written, kept in its index. */
    private static int[] starts(CacheFile.In in) throws IOException {
        List<Integer> out = new ArrayList<>();
        in.array();
        in.array();
        while (in.more()) out.add(in.later().orElseThrow().start());
        for (int i = 0; i < 3; i++) out.add(in.later().orElseThrow().start());
        in.end();
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Writes {@code archive} under {@code identity}: the months that may differ from {@code before} (every one
     * without it), then the manifest; then removes the files no longer named. With {@code before}, a month the build
     * never decoded is kept as it is: nothing of it was read, so nothing of it changed (days are only appended, and
     * a paper is changed only by a build that read it).
     *
     * @return how many month files were written
     */
    public static int write(Path dir, String identity, Archive archive, Path contentDir, Optional<Read> before)
            throws IOException {
        Files.createDirectories(dir);
        Digest d = archive.assembly().digest();
        long generation = Math.max(before.map(Read::generation).orElse(0L), highestGeneration(dir)) + 1;
        List<Planned> plan = before.isPresent() ? planOver(d, before.get(), archive.assembly().identities())
                : planAll(d);
        List<MonthFile> files = new ArrayList<>();
        Numbers numbers = new Numbers(plan, d, before);
        int written = 0;
        Identities ids = new Identities(archive.assembly().identities(), before);
        for (Planned p : plan) {
            if (p.kept().isPresent()) {
                files.add(p.kept().get());
                continue;
            }
            Contents c = p.contents();
            String name = c.month() + "." + generation + ".cbor";
            MonthContents month = ids.month(c, p.opened());
            TextsOut abstracts = new TextsOut(month.papers());
            AtomicFile.write(dir.resolve(textsName(name)), abstracts::writeTo);
            MONTH.write(dir.resolve(name), c.month().toString(), g -> writeMonth(g, month, abstracts, contentDir));
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            int[] starts = MONTH.read(bytes, c.month().toString(), ArchiveStore::starts)
                    .orElseThrow(() -> new IOException(name + ": does not read back"));
            long[] index = MonthIndex.of(month.papers().stream().map(Paper::slug).toList(), month.owners().keySet(),
                    bytes, starts).write(dir.resolve(indexName(name)));
            int listings = 0;
            for (Day x : c.days()) listings += x.listings().size();
            files.add(new MonthFile(c.month(), name, c.papers().size(), c.days().size(), listings, bytes.length,
                    abstracts.length(), index[0], index[1]));
            written++;
        }
        List<int[]> members = new ArrayList<>();
        for (Theme t : d.themes()) members.add(numbers.of(t.paperSlugs()));
        Manifest m = new Manifest(files, generation, d.themes(), members, d.retiredThemes(), archive.listingWarnings(),
                archive.themesStoreKey(), archive.themeActivity());
        MANIFEST.write(dir.resolve(MANIFEST_NAME), identity, g -> writeManifest(g, m, contentDir));
        Set<String> named = new HashSet<>();
        for (MonthFile f : files) {
            named.add(f.name());
            named.add(textsName(f.name()));
            named.add(indexName(f.name()));
        }
        named.add(MANIFEST_NAME);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path f : all) if (!named.contains(f.getFileName().toString())) Files.deleteIfExists(f);
        }
        return written;
    }

    /**
     * A month of the archive to write: kept as the state had it, or its contents now (and, when the state had it
     * and the build decoded it, as it was).
     */
    private record Planned(Optional<MonthFile> kept, Contents contents, Optional<OpenedMonth> opened) {}

    /** A month's papers (first seen in it, in first-seen order) and days. */
    private record Contents(YearMonth month, List<Paper> papers, List<Day> days) {}

    /** Every month of {@code d}, from its first-seen order and days. */
    private static List<Planned> planAll(Digest d) {
        Map<YearMonth, List<Paper>> papers = new TreeMap<>();
        for (Paper p : d.firstSeenOrder()) papers.computeIfAbsent(YearMonth.from(p.firstSeen()), k -> new ArrayList<>()).add(p);
        Map<YearMonth, List<Day>> days = new TreeMap<>();
        for (Day x : d.days()) days.computeIfAbsent(YearMonth.from(x.date()), k -> new ArrayList<>()).add(x);
        Set<YearMonth> all = new TreeSet<>(papers.keySet());
        all.addAll(days.keySet());
        List<Planned> out = new ArrayList<>();
        for (YearMonth ym : all) {
            out.add(new Planned(Optional.empty(), new Contents(ym, papers.getOrDefault(ym, List.of()),
                    days.getOrDefault(ym, List.of())), Optional.empty()));
        }
        return out;
    }

    /**
     * The months of {@code d}, a digest made over {@code before}'s ({@link Digest#appended}): its first-seen order
     * and days begin with {@code before}'s, month for month, and go on with the new ones.
     */
    private static List<Planned> planOver(Digest d, Read before, PaperIdentities identities) {
        KeptMonths km = before.months();
        List<Paper> order = d.firstSeenOrder();
        List<Day> days = d.days();
        Set<YearMonth> newKeys = monthsWithNewKeys(d, identities);
        List<Planned> out = new ArrayList<>();
        int last = km.size() - 1;
        for (int m = 0; m < km.size(); m++) {
            MonthFile f = km.entries().get(m).file();
            int ps = km.paperStart(m), ds = km.dayStart(m);
            int pe = ps + f.papers(), de = ds + f.days();
            if (m == last) { // the latest month goes on with the new papers and days of the same month
                while (pe < order.size() && YearMonth.from(order.get(pe).firstSeen()).equals(f.month())) pe++;
                while (de < days.size() && YearMonth.from(days.get(de).date()).equals(f.month())) de++;
            }
            boolean grown = pe != ps + f.papers() || de != ds + f.days();
            Optional<OpenedMonth> opened = km.ifOpened(m);
            if (!grown && !newKeys.contains(f.month()) && opened.map(o -> unchanged(o, order, ps, days, ds)).orElse(true)) {
                out.add(new Planned(Optional.of(f), null, Optional.empty()));
            } else {
                out.add(new Planned(Optional.empty(), new Contents(f.month(), order.subList(ps, pe), days.subList(ds, de)),
                        Optional.of(km.month(m))));
            }
        }
        // New months after the latest: their papers and days, from where the latest month ends.
        int tp = last < 0 ? 0 : km.paperStart(last) + (out.get(last).contents() == null ? km.entries().get(last).file().papers()
                : out.get(last).contents().papers().size());
        int td = last < 0 ? 0 : km.dayStart(last) + (out.get(last).contents() == null ? km.entries().get(last).file().days()
                : out.get(last).contents().days().size());
        Map<YearMonth, List<Paper>> papers = new TreeMap<>();
        for (int i = tp; i < order.size(); i++) {
            papers.computeIfAbsent(YearMonth.from(order.get(i).firstSeen()), k -> new ArrayList<>()).add(order.get(i));
        }
        Map<YearMonth, List<Day>> newDays = new TreeMap<>();
        for (int i = td; i < days.size(); i++) {
            newDays.computeIfAbsent(YearMonth.from(days.get(i).date()), k -> new ArrayList<>()).add(days.get(i));
        }
        Set<YearMonth> added = new TreeSet<>(papers.keySet());
        added.addAll(newDays.keySet());
        for (YearMonth ym : added) {
            out.add(new Planned(Optional.empty(), new Contents(ym, papers.getOrDefault(ym, List.of()),
                    newDays.getOrDefault(ym, List.of())), Optional.empty()));
        }
        return out;
    }

    /**
     * Whether month {@code o} of the state is the same in the digest now, whose papers (first-seen order) and days
     * start there at {@code ps} and {@code ds}: only what the build read of it can have changed (a paper is changed
     * by a build that read it), so only that is compared, by identity first.
     */
    private static boolean unchanged(OpenedMonth o, List<Paper> order, int ps, List<Day> days, int ds) {
        java.util.BitSet read = o.decodedPapers();
        for (int k = read.nextSetBit(0); k >= 0; k = read.nextSetBit(k + 1)) {
            Paper was = o.paper(k), now = order.get(ps + k);
            if (was != now && !was.equals(now)) return false;
        }
        Optional<List<Day>> daysRead = o.decodedDays();
        if (daysRead.isPresent()) {
            for (int j = 0; j < daysRead.get().size(); j++) {
                Day was = daysRead.get().get(j), now = days.get(ds + j);
                if (was != now && !was.equals(now)) return false;
            }
        }
        return true;
    }

    /** The months of the papers that got an identity key or a variant in this build (the tops of its overlays). */
    private static Set<YearMonth> monthsWithNewKeys(Digest d, PaperIdentities ids) {
        Set<String> slugs = new HashSet<>();
        if (ids.owners() instanceof Overlay<Hash128.Value, String> o) slugs.addAll(o.top().values());
        if (ids.variants() instanceof Overlay<String, PaperIdentities.Variants> v) slugs.addAll(v.top().keySet());
        Set<YearMonth> out = new HashSet<>();
        for (String slug : slugs) {
            Paper p = d.papersBySlug().get(slug);
            if (p != null) out.add(YearMonth.from(p.firstSeen()));
        }
        return out;
    }

    /**
     * The identity keys and variants of the months written: with the state read, the kept month's and those this
     * build added (the top of its {@link Overlay}s: a key once owned is never owned again); else found among all.
     */
    private static final class Identities {
        private final Map<Hash128.Value, String> ownersTop;
        private final Map<String, PaperIdentities.Variants> variantsTop;
        private final Map<String, Map<Hash128.Value, String>> ownedBySlug;
        private final Map<String, PaperIdentities.Variants> allVariants;

        Identities(PaperIdentities ids, Optional<Read> before) {
            if (before.isPresent() && ids.owners() instanceof Overlay<Hash128.Value, String> o
                    && ids.variants() instanceof Overlay<String, PaperIdentities.Variants> v) {
                ownersTop = o.top();
                variantsTop = v.top();
                ownedBySlug = null;
                allVariants = null;
            } else {
                ownersTop = null;
                variantsTop = null;
                ownedBySlug = new HashMap<>();
                ids.owners().forEach((k, slug) -> ownedBySlug.computeIfAbsent(slug, x -> new HashMap<>()).put(k, slug));
                allVariants = ids.variants();
            }
        }

        MonthContents month(Contents c, Optional<OpenedMonth> was) {
            Map<String, Paper> bySlug = new HashMap<>();
            for (Paper p : c.papers()) bySlug.put(p.slug(), p);
            Map<Hash128.Value, String> owners = new HashMap<>();
            Map<String, PaperIdentities.Variants> variants = new HashMap<>();
            if (ownersTop != null) {
                was.ifPresent(w -> {
                    owners.putAll(w.owners());
                    variants.putAll(w.variants());
                });
                ownersTop.forEach((k, slug) -> {
                    if (bySlug.containsKey(slug)) owners.put(k, slug);
                });
                variantsTop.forEach((slug, v) -> {
                    if (bySlug.containsKey(slug)) variants.put(slug, v);
                });
            } else {
                for (Paper p : c.papers()) {
                    owners.putAll(ownedBySlug.getOrDefault(p.slug(), Map.of()));
                    PaperIdentities.Variants v = allVariants.get(p.slug());
                    if (v != null) variants.put(p.slug(), v);
                }
            }
            return new MonthContents(c.papers(), owners, variants, c.days());
        }
    }

    /**
     * The papers' numbers for the themes' members in the manifest: their places in the months' papers one after the
     * other, as written. Members kept by number and not reordered keep their numbers: the months before the latest
     * never change their papers.
     */
    private static final class Numbers {
        private final List<Planned> plan;
        private final Digest digest;
        private final Optional<Read> before;
        private final int[] start;
        private final Map<YearMonth, Integer> monthIndex = new HashMap<>();
        private final Map<Integer, Map<String, Integer>> within = new HashMap<>();

        Numbers(List<Planned> plan, Digest digest, Optional<Read> before) {
            this.plan = plan;
            this.digest = digest;
            this.before = before;
            start = new int[plan.size()];
            int n = 0;
            for (int i = 0; i < plan.size(); i++) {
                start[i] = n;
                Planned p = plan.get(i);
                n += p.kept().isPresent() ? p.kept().get().papers() : p.contents().papers().size();
                monthIndex.put(p.kept().isPresent() ? p.kept().get().month() : p.contents().month(), i);
            }
        }

        int[] of(List<String> members) {
            if (before.isPresent() && members instanceof KeptMonths.Members kept && kept.of(before.get().months())) {
                return kept.numbers();
            }
            Optional<Newest> parts = Newest.of(members);
            if (parts.isPresent()) {
                int[] head = of(parts.get().newest());
                int[] tail = of(parts.get().before());
                int[] out = Arrays.copyOf(head, head.length + tail.length);
                System.arraycopy(tail, 0, out, head.length, tail.length);
                return out;
            }
            int[] out = new int[members.size()];
            for (int i = 0; i < out.length; i++) out[i] = number(members.get(i));
            return out;
        }

        private int number(String slug) {
            Paper p = Objects.requireNonNull(digest.papersBySlug().get(slug), "a theme's paper is in the archive");
            int m = Objects.requireNonNull(monthIndex.get(YearMonth.from(p.firstSeen())), "a paper's month is kept");
            Planned planned = plan.get(m);
            if (planned.kept().isPresent()) { // a month kept as it was: the paper's place by its index
                int k = before.orElseThrow().months().month(m).placeOf(slug, MonthIndex.slug(slug));
                if (k < 0) throw new IllegalStateException("a paper is in its month");
                return start[m] + k;
            }
            Map<String, Integer> places = within.computeIfAbsent(m, x -> {
                List<Paper> papers = planned.contents().papers();
                Map<String, Integer> at = new HashMap<>();
                for (int i = 0; i < papers.size(); i++) at.put(papers.get(i).slug(), i);
                return at;
            });
            return start[m] + Objects.requireNonNull(places.get(slug), "a paper is in its month");
        }
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
     * @param months  the month files, in order
     * @param themes  the themes without their members, which are {@code members}: each theme's papers as numbers in
     *                the months' papers one after the other (the months in order, each as its file lists them), so
     *                the manifest holds no slug of the archive's (it is read and written whole by every build)
     */
    private record Manifest(List<MonthFile> months, long generation, List<Theme> themes, List<int[]> members,
                            List<RetiredTheme> retired, List<Problem> warnings, String themesStoreKey,
                            Optional<ThemeActivity> themeActivity) {}

    // --- the month file: [papers, owners, variants, days] ---

    /** A month as written: its papers in first-seen order, the identity keys they own and their variants, its days. */
    private record MonthContents(List<Paper> papers, Map<Hash128.Value, String> owners,
                                 Map<String, PaperIdentities.Variants> variants, List<Day> days) {}

    private static void writeMonth(JsonGenerator g, MonthContents m, TextsOut abstracts, Path contentDir) throws IOException {
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
        g.writeEndArray();
    }

    /** The parts of a month file, each decoded from where the month was opened ({@link OpenedMonth}). */
    private record MonthParts(Paths paths, Texts.File abstracts) implements OpenedMonth.Parts {
        @Override
        public Paper paper(CacheFile.Later at) throws IOException {
            return at.read(in -> {
                in.array();
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
                in.end();
                return new Paper(slug, title, abs, days, titleVariants, abstractVariants, themes, related, first,
                        arxiv, authors, upvotes);
            });
        }

        @Override
        public Map<Hash128.Value, Integer> owners(CacheFile.Later at) throws IOException {
            return at.read(in -> {
                Map<Hash128.Value, Integer> owners = new HashMap<>();
                in.array();
                while (in.more()) owners.put(new Hash128.Value(in.number(), in.number()), in.integer());
                return owners;
            });
        }

        @Override
        public Map<Integer, PaperIdentities.Variants> variants(CacheFile.Later at) throws IOException {
            return at.read(in -> {
                Map<Integer, PaperIdentities.Variants> variants = new HashMap<>();
                in.array();
                while (in.nextArray()) {
                    variants.put(in.integer(), new PaperIdentities.Variants(in.strings(), in.strings()));
                    in.end();
                }
                return variants;
            });
        }

        @Override
        public List<Day> days(CacheFile.Later at) throws IOException {
            return at.read(in -> {
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
                        SourceRef where = paths.where(in);
                        listings.add(new Listing(slug, date, position, earlier, where, in.optionalInteger()));
                        in.end();
                    }
                    days.add(new Day(date, listings, sources));
                    in.end();
                }
                return days;
            });
        }
    }

    /** A month file's abstracts are beside it, in the file of the same name ending {@code .texts}. */
    private static String textsName(String monthFile) {
        return monthFile.substring(0, monthFile.length() - ".cbor".length()) + ".texts";
    }

    /** A month file's index ({@link MonthIndex}) is beside it, in the file of the same name ending {@code .index}. */
    private static String indexName(String monthFile) {
        return monthFile.substring(0, monthFile.length() - ".cbor".length()) + ".index";
    }

    // --- the manifest: [generation, months, themes, retired, warnings, themes store key, theme activity] ---

    private static void writeManifest(JsonGenerator g, Manifest m, Path contentDir) throws IOException {
        g.writeStartArray();
        g.writeNumber(m.generation());
        g.writeStartArray();
        for (MonthFile f : m.months()) {
            g.writeStartArray();
            g.writeString(f.month().toString());
            g.writeString(f.name());
            g.writeNumber(f.papers());
            g.writeNumber(f.days());
            g.writeNumber(f.listings());
            g.writeNumber(f.length());
            g.writeNumber(f.textsLength());
            g.writeNumber(f.indexLength());
            g.writeNumber(f.indexCrc());
            g.writeEndArray();
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
        if (m.themeActivity().isPresent()) {
            ThemeActivity a = m.themeActivity().get();
            g.writeStartArray();
            g.writeNumber(a.days());
            for (Map.Entry<String, int[]> e : a.perDay().entrySet()) {
                g.writeString(e.getKey());
                g.writeArray(e.getValue(), 0, e.getValue().length);
            }
            g.writeEndArray();
        } else {
            g.writeNull();
        }
        g.writeEndArray();
    }

    private static Manifest manifest(CacheFile.In in, Path contentDir) throws IOException {
        in.array();
        long generation = in.number();
        List<MonthFile> files = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            files.add(new MonthFile(YearMonth.parse(in.string()), in.string(), in.integer(), in.integer(), in.integer(),
                    in.number(), in.number(), in.number(), in.number()));
            in.end();
        }
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
        Optional<ThemeActivity> activity = Optional.empty();
        if (in.optionalArray()) {
            int days = in.integer();
            Map<String, int[]> perDay = new HashMap<>();
            while (in.more()) perDay.put(in.string(), in.ints());
            activity = Optional.of(ThemeActivity.of(perDay, days));
        }
        in.end();
        return new Manifest(files, generation, themes, members, retired, warnings, themesStoreKey, activity);
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
        /** Concurrent: a month's papers are decoded by the render's threads as they ask. */
        private final Map<String, Path> resolved = new java.util.concurrent.ConcurrentHashMap<>();

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
