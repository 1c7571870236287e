package paperboy.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import paperboy.assemble.Keys;
import paperboy.assemble.ThemeAssigner;
import paperboy.build.SiteBuild;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.problems.Problems;
import paperboy.write.CacheFile;

/**
 * Chooses the store of the persistent archive state (issue #21) by measurement: H2's MVStore, SQLite through
 * sqlite-jdbc (rollback journal and WAL) and the CBOR cache split by month with a hashed key index.
 *
 * <p>It generates a 3,650-day corpus (CorpusGenerator), assembles it with the product's pipeline (themes off),
 * derives the state of the archive up to the day before the last, writes it into each candidate (timed, in this
 * JVM), then times, in a fresh JVM per run and interleaved between candidates, what a daily run needs: open the
 * store, look up the new day's 50 listings by identity key, check the new papers' slugs, read the re-listed papers'
 * records, the latest day and the tails of the themes, week and month it touches; then the append of the new day
 * and its commit. The runs must all read the same content (a fingerprint each) or the benchmark fails.
 * A benchmark, not a test.
 *
 * <pre>java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) paperboy.bench.StateStoreBench /dev/shm/x [RUNS [--reuse]]</pre>
 * ({@code --reuse}: keep the corpus, the stores written and their figures from an earlier run, and time the runs only.)
 * ({@code mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt} writes target/cp.txt.)
 */
public final class StateStoreBench {
    static final int DAYS = 3650;
    static final int PER_DAY = 50;
    static final int TAIL = 50;
    static final int THEMES = 30;
    /** Members per file of the CBOR split: a tail reads the last one or two. */
    static final int BLOCK = 500;
    static final List<String> CANDIDATES = List.of("mvstore", "sqlite-delete", "sqlite-wal", "cbor-split");

    // ------------------------------------------------------------------ the state

    /** One paper's record: identity keys, slug, days listed (epoch days), themes, top-5 related, view-model hash. */
    record PaperRec(String slug, String arxivId, String titleKey, int firstSeen, int[] days, List<String> themes,
                    List<String> related, byte[] viewHash) {
        PaperRec listedAgain(int day) {
            int[] d = Arrays.copyOf(days, days.length + 1);
            d[days.length] = day;
            return new PaperRec(slug, arxivId, titleKey, firstSeen, d, themes, related, sha256(viewHash, String.valueOf(day)));
        }

        String text() {
            return slug + "|" + arxivId + "|" + titleKey + "|" + firstSeen + "|" + Arrays.toString(days) + "|" + themes
                    + "|" + related + "|" + HexFormat.of().formatHex(viewHash);
        }
    }

    record ListingRec(String slug, boolean isNew, int upvotes) {}

    record DayRec(int date, List<ListingRec> listings) {
        String text() {
            return date + listings.toString();
        }
    }

    /** The whole state; {@code lists} are the member lists, named "theme/SLUG", "week/2026-W05", "month/2026-05". */
    record State(Map<String, String> header, List<PaperRec> papers, List<DayRec> days, Map<String, List<String>> lists) {}

    /** One listing of the new day as its input gives it. */
    record Incoming(String arxivId, String titleKey, String slug, boolean expectNew) {}

    /** The new day: its listings, its new papers' records and what it appends to the member lists. */
    record Today(DayRec day, List<Incoming> incoming, List<PaperRec> newPapers, Map<String, List<String>> appends) {}

    // ------------------------------------------------------------------ the store interface

    /** What a daily run asks of the state. */
    interface Store extends AutoCloseable {
        Optional<String> slugByArxiv(String id) throws Exception;

        Optional<String> slugByTitle(String titleKey) throws Exception;

        boolean slugTaken(String slug) throws Exception;

        PaperRec paper(String slug) throws Exception;

        DayRec latestDay() throws Exception;

        List<String> tail(String list, int n) throws Exception;

        /** Writes the new day and commits. */
        void append(Today today, List<PaperRec> updated) throws Exception;

        @Override
        void close() throws SQLException;
    }

    static Store open(String candidate, Path dir) throws Exception {
        return switch (candidate) {
            case "mvstore" -> new MvStore(dir);
            case "sqlite-delete", "sqlite-wal" -> new Sqlite(dir);
            case "cbor-split" -> new CborSplit(dir);
            default -> throw new IllegalArgumentException(candidate);
        };
    }

    static void writeFull(String candidate, State s, Path dir) throws Exception {
        Files.createDirectories(dir);
        switch (candidate) {
            case "mvstore" -> MvStore.write(s, dir);
            case "sqlite-delete" -> Sqlite.write(s, dir, false);
            case "sqlite-wal" -> Sqlite.write(s, dir, true);
            case "cbor-split" -> CborSplit.write(s, dir);
            default -> throw new IllegalArgumentException(candidate);
        }
    }

    /** The daily reads; returns a text of all that was read, to compare candidates. */
    static String dailyReads(Store store, Today today, List<PaperRec> relisted) throws Exception {
        StringBuilder seen = new StringBuilder();
        Set<String> themesTouched = new java.util.TreeSet<>();
        for (Incoming in : today.incoming()) {
            Optional<String> slug = in.arxivId() == null ? Optional.empty() : store.slugByArxiv(in.arxivId());
            if (slug.isEmpty()) slug = store.slugByTitle(in.titleKey());
            if (slug.isPresent() != !in.expectNew()) {
                throw new IllegalStateException("new/seen wrong for " + in + ": found " + slug);
            }
            if (slug.isEmpty()) {
                if (store.slugTaken(in.slug())) throw new IllegalStateException("slug taken: " + in.slug());
                seen.append("new ").append(in.slug()).append('\n');
            } else {
                PaperRec p = store.paper(slug.get());
                relisted.add(p);
                themesTouched.addAll(p.themes());
                seen.append("seen ").append(p.text()).append('\n');
            }
        }
        today.newPapers().forEach(p -> themesTouched.addAll(p.themes()));
        seen.append("latest ").append(store.latestDay().text()).append('\n');
        List<String> lists = new ArrayList<>();
        themesTouched.forEach(t -> lists.add("theme/" + t));
        LocalDate d = LocalDate.ofEpochDay(today.day().date());
        lists.add(weekKey(d));
        lists.add(monthKey(d));
        for (String list : lists) seen.append(list).append(' ').append(store.tail(list, TAIL)).append('\n');
        return seen.toString();
    }

    // ------------------------------------------------------------------ record codec (CBOR through Jackson)

    static final CBORFactory CBOR = new CBORFactory();

    static byte[] encode(PaperRec p) {
        return cbor(g -> {
            g.writeStartArray();
            g.writeString(p.slug());
            if (p.arxivId() == null) g.writeNull(); else g.writeString(p.arxivId());
            g.writeString(p.titleKey());
            g.writeNumber(p.firstSeen());
            g.writeArray(p.days(), 0, p.days().length);
            CacheFile.writeStrings(g, p.themes());
            CacheFile.writeStrings(g, p.related());
            g.writeBinary(p.viewHash());
            g.writeEndArray();
        });
    }

    static PaperRec decodePaper(byte[] b) {
        try (JsonParser p = CBOR.createParser(b)) {
            expect(p, JsonToken.START_ARRAY);
            String slug = text(p);
            String arxiv = text(p);
            String key = text(p);
            expect(p, JsonToken.VALUE_NUMBER_INT);
            int first = p.getIntValue();
            expect(p, JsonToken.START_ARRAY);
            int[] days = new int[8];
            int n = 0;
            while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                if (n == days.length) days = Arrays.copyOf(days, n * 2);
                days[n++] = p.getIntValue();
            }
            List<String> themes = strings(p);
            List<String> related = strings(p);
            expect(p, JsonToken.VALUE_EMBEDDED_OBJECT);
            byte[] hash = p.getBinaryValue();
            return new PaperRec(slug, arxiv, key, first, Arrays.copyOf(days, n), themes, related, hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(DayRec d) {
        return cbor(g -> {
            g.writeStartArray();
            g.writeNumber(d.date());
            for (ListingRec l : d.listings()) {
                g.writeString(l.slug());
                g.writeBoolean(l.isNew());
                g.writeNumber(l.upvotes());
            }
            g.writeEndArray();
        });
    }

    static DayRec decodeDay(byte[] b) {
        try (JsonParser p = CBOR.createParser(b)) {
            expect(p, JsonToken.START_ARRAY);
            expect(p, JsonToken.VALUE_NUMBER_INT);
            int date = p.getIntValue();
            List<ListingRec> ls = new ArrayList<>();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                String slug = p.getText();
                boolean isNew = p.nextToken() == JsonToken.VALUE_TRUE;
                expect(p, JsonToken.VALUE_NUMBER_INT);
                ls.add(new ListingRec(slug, isNew, p.getIntValue()));
            }
            return new DayRec(date, ls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Gen {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] cbor(Gen body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = CBOR.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void expect(JsonParser p, JsonToken t) throws IOException {
        JsonToken got = p.nextToken();
        if (got != t) throw new IOException("expected " + t + ", found " + got);
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static List<String> strings(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) out.add(p.getText());
        return out;
    }

    // ------------------------------------------------------------------ (a) MVStore: one file, a map per kind

    static final class MvStore implements Store {
        final MVStore store;
        final MVMap<String, byte[]> papers;
        final MVMap<String, String> arxiv;
        final MVMap<String, String> titles;
        final MVMap<Integer, byte[]> days;
        final MVMap<String, String> members;
        final MVMap<String, Integer> counts;
        final MVMap<String, String> header;

        MvStore(Path dir) {
            this(new MVStore.Builder().fileName(dir.resolve("state.mv.db").toString()).autoCommitDisabled().open());
        }

        MvStore(MVStore store) {
            this.store = store;
            papers = store.openMap("paper");
            arxiv = store.openMap("arxiv");
            titles = store.openMap("title");
            days = store.openMap("day");
            members = store.openMap("member");
            counts = store.openMap("count");
            header = store.openMap("header");
        }

        static String memberKey(String list, int seq) {
            return list + '\0' + String.format(Locale.ROOT, "%09d", seq);
        }

        static void write(State s, Path dir) throws Exception {
            // a buffer that holds the whole state, so that it is saved once, at the commit (in the default 1 MB,
            // every page is saved many times over and the file grows to 1 GB of old versions)
            try (MvStore m = new MvStore(new MVStore.Builder().fileName(dir.resolve("state.mv.db").toString())
                    .autoCommitDisabled().autoCommitBufferSize(1 << 20).open())) {
                m.header.putAll(s.header());
                for (PaperRec p : s.papers()) m.putPaper(p);
                for (DayRec d : s.days()) m.days.put(d.date(), encode(d));
                s.lists().forEach(m::appendMembers);
                m.store.commit();
            }
        }

        void putPaper(PaperRec p) {
            papers.put(p.slug(), encode(p));
            if (p.arxivId() != null) arxiv.put(p.arxivId(), p.slug());
            titles.putIfAbsent(p.titleKey(), p.slug());
        }

        void appendMembers(String list, List<String> slugs) {
            int n = counts.getOrDefault(list, 0);
            for (String s : slugs) members.put(memberKey(list, n++), s);
            counts.put(list, n);
        }

        @Override public Optional<String> slugByArxiv(String id) { return Optional.ofNullable(arxiv.get(id)); }

        @Override public Optional<String> slugByTitle(String key) { return Optional.ofNullable(titles.get(key)); }

        @Override public boolean slugTaken(String slug) { return papers.containsKey(slug); }

        @Override public PaperRec paper(String slug) { return decodePaper(papers.get(slug)); }

        @Override public DayRec latestDay() { return decodeDay(days.get(days.lastKey())); }

        @Override
        public List<String> tail(String list, int n) {
            int count = counts.getOrDefault(list, 0);
            String end = memberKey(list, count);
            List<String> out = new ArrayList<>();
            Cursor<String, String> c = members.cursor(memberKey(list, Math.max(0, count - n)));
            while (c.hasNext() && c.next().compareTo(end) < 0) out.add(c.getValue());
            return out;
        }

        @Override
        public void append(Today t, List<PaperRec> updated) {
            t.newPapers().forEach(this::putPaper);
            updated.forEach(p -> papers.put(p.slug(), encode(p)));
            days.put(t.day().date(), encode(t.day()));
            t.appends().forEach(this::appendMembers);
            header.put("latest", String.valueOf(t.day().date()));
            store.commit();
        }

        @Override public void close() { store.close(); }
    }

    // ------------------------------------------------------------------ (b) SQLite: tables with indexes

    static final class Sqlite implements Store {
        final Connection c;
        final Map<String, PreparedStatement> statements = new HashMap<>();

        Sqlite(Path dir) throws SQLException {
            c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.sqlite"));
        }

        PreparedStatement sql(String sql) throws SQLException {
            PreparedStatement s = statements.get(sql);
            if (s == null) statements.put(sql, s = c.prepareStatement(sql));
            return s;
        }

        static void write(State s, Path dir, boolean wal) throws Exception {
            try (Sqlite db = new Sqlite(dir); Statement st = db.c.createStatement()) {
                st.execute("pragma journal_mode=" + (wal ? "wal" : "delete"));
                st.execute("create table header(key text primary key, value text not null) without rowid");
                st.execute("create table paper(id integer primary key, slug text not null unique, arxiv_id text unique,"
                        + " title_key text not null, first_seen text not null, themes text not null,"
                        + " related text not null, view_hash blob not null)");
                st.execute("create index paper_title on paper(title_key)");
                st.execute("create table listing(day text not null, position integer not null,"
                        + " paper_id integer not null references paper(id), is_new integer not null,"
                        + " upvotes integer not null, primary key(day, position)) without rowid");
                st.execute("create index listing_paper on listing(paper_id, day)");
                st.execute("create table member(list text not null, seq integer not null,"
                        + " paper_id integer not null references paper(id), primary key(list, seq)) without rowid");
                db.c.setAutoCommit(false);
                for (var e : s.header().entrySet()) db.header(e.getKey(), e.getValue());
                Map<String, Integer> ids = new HashMap<>();
                for (PaperRec p : s.papers()) db.insertPaper(p, ids);
                db.sql("insert into paper values (?, ?, ?, ?, ?, ?, ?, ?)").executeBatch();
                for (DayRec d : s.days()) db.insertDay(d, ids);
                db.sql("insert into listing values (?, ?, ?, ?, ?)").executeBatch();
                for (var e : s.lists().entrySet()) db.appendMembers(e.getKey(), e.getValue(), 0, ids);
                db.sql("insert into member values (?, ?, ?)").executeBatch();
                db.c.commit();
            }
        }

        void header(String key, String value) throws SQLException {
            PreparedStatement h = sql("insert or replace into header values (?, ?)");
            h.setString(1, key);
            h.setString(2, value);
            h.executeUpdate();
        }

        void insertPaper(PaperRec p, Map<String, Integer> ids) throws SQLException {
            int id = ids.size() + 1;
            ids.put(p.slug(), id);
            PreparedStatement s = sql("insert into paper values (?, ?, ?, ?, ?, ?, ?, ?)");
            s.setInt(1, id);
            s.setString(2, p.slug());
            s.setString(3, p.arxivId());
            s.setString(4, p.titleKey());
            s.setString(5, LocalDate.ofEpochDay(p.firstSeen()).toString());
            s.setString(6, String.join(" ", p.themes()));
            s.setString(7, String.join(" ", p.related()));
            s.setBytes(8, p.viewHash());
            s.addBatch();
        }

        void insertDay(DayRec d, Map<String, Integer> ids) throws SQLException {
            PreparedStatement s = sql("insert into listing values (?, ?, ?, ?, ?)");
            String day = LocalDate.ofEpochDay(d.date()).toString();
            int pos = 1;
            for (ListingRec l : d.listings()) {
                s.setString(1, day);
                s.setInt(2, pos++);
                s.setInt(3, ids.get(l.slug()));
                s.setInt(4, l.isNew() ? 1 : 0);
                s.setInt(5, l.upvotes());
                s.addBatch();
            }
        }

        void appendMembers(String list, List<String> slugs, int from, Map<String, Integer> ids) throws SQLException {
            PreparedStatement s = sql("insert into member values (?, ?, ?)");
            int seq = from;
            for (String slug : slugs) {
                s.setString(1, list);
                s.setInt(2, seq++);
                s.setInt(3, ids.get(slug));
                s.addBatch();
            }
        }

        Optional<String> one(String query, String... args) throws SQLException {
            PreparedStatement s = sql(query);
            for (int i = 0; i < args.length; i++) s.setString(i + 1, args[i]);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }

        @Override public Optional<String> slugByArxiv(String id) throws SQLException {
            return one("select slug from paper where arxiv_id = ?", id);
        }

        @Override public Optional<String> slugByTitle(String key) throws SQLException {
            return one("select slug from paper where title_key = ? order by id limit 1", key);
        }

        @Override public boolean slugTaken(String slug) throws SQLException {
            return one("select slug from paper where slug = ?", slug).isPresent();
        }

        @Override
        public PaperRec paper(String slug) throws SQLException {
            PreparedStatement s = sql("select id, arxiv_id, title_key, first_seen, themes, related, view_hash"
                    + " from paper where slug = ?");
            s.setString(1, slug);
            int id;
            PaperRec p;
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new IllegalStateException("no paper " + slug);
                id = r.getInt(1);
                p = new PaperRec(slug, r.getString(2), r.getString(3), (int) LocalDate.parse(r.getString(4)).toEpochDay(),
                        null, words(r.getString(5)), words(r.getString(6)), r.getBytes(7));
            }
            PreparedStatement d = sql("select day from listing where paper_id = ? order by day");
            d.setInt(1, id);
            List<Integer> days = new ArrayList<>();
            try (ResultSet r = d.executeQuery()) {
                while (r.next()) days.add((int) LocalDate.parse(r.getString(1)).toEpochDay());
            }
            return new PaperRec(slug, p.arxivId(), p.titleKey(), p.firstSeen(),
                    days.stream().mapToInt(Integer::intValue).toArray(), p.themes(), p.related(), p.viewHash());
        }

        static List<String> words(String s) {
            return s.isEmpty() ? List.of() : List.of(s.split(" "));
        }

        @Override
        public DayRec latestDay() throws SQLException {
            String day = one("select day from listing order by day desc limit 1").orElseThrow();
            PreparedStatement s = sql("select p.slug, l.is_new, l.upvotes from listing l join paper p on p.id = l.paper_id"
                    + " where l.day = ? order by l.position");
            s.setString(1, day);
            List<ListingRec> ls = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) ls.add(new ListingRec(r.getString(1), r.getInt(2) == 1, r.getInt(3)));
            }
            return new DayRec((int) LocalDate.parse(day).toEpochDay(), ls);
        }

        @Override
        public List<String> tail(String list, int n) throws SQLException {
            PreparedStatement s = sql("select p.slug from member m join paper p on p.id = m.paper_id"
                    + " where m.list = ? order by m.seq desc limit ?");
            s.setString(1, list);
            s.setInt(2, n);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(r.getString(1));
            }
            java.util.Collections.reverse(out);
            return out;
        }

        @Override
        public void append(Today t, List<PaperRec> updated) throws SQLException {
            c.setAutoCommit(false);
            int max = Integer.parseInt(one("select max(id) from paper").orElseThrow());
            IdMap map = new IdMap(max); // the new papers are numbered on from the highest id, the others looked up
            for (PaperRec p : t.newPapers()) insertPaperWithId(p, map.next(p.slug()));
            sql("insert into paper values (?, ?, ?, ?, ?, ?, ?, ?)").executeBatch();
            PreparedStatement u = sql("update paper set view_hash = ? where slug = ?");
            for (PaperRec p : updated) {
                u.setBytes(1, p.viewHash());
                u.setString(2, p.slug());
                u.addBatch();
            }
            u.executeBatch();
            for (ListingRec l : t.day().listings()) {
                if (!map.has(l.slug())) map.put(l.slug(), Integer.parseInt(one("select id from paper where slug = ?", l.slug()).orElseThrow()));
            }
            for (List<String> slugs : t.appends().values()) {
                for (String s : slugs) {
                    if (!map.has(s)) map.put(s, Integer.parseInt(one("select id from paper where slug = ?", s).orElseThrow()));
                }
            }
            insertDay(t.day(), map.ids);
            sql("insert into listing values (?, ?, ?, ?, ?)").executeBatch();
            for (var e : t.appends().entrySet()) {
                int from = one("select coalesce(max(seq) + 1, 0) from member where list = ?", e.getKey()).map(Integer::parseInt).orElse(0);
                appendMembers(e.getKey(), e.getValue(), from, map.ids);
            }
            sql("insert into member values (?, ?, ?)").executeBatch();
            header("latest", String.valueOf(t.day().date()));
            c.commit();
        }

        void insertPaperWithId(PaperRec p, int id) throws SQLException {
            PreparedStatement s = sql("insert into paper values (?, ?, ?, ?, ?, ?, ?, ?)");
            s.setInt(1, id);
            s.setString(2, p.slug());
            s.setString(3, p.arxivId());
            s.setString(4, p.titleKey());
            s.setString(5, LocalDate.ofEpochDay(p.firstSeen()).toString());
            s.setString(6, String.join(" ", p.themes()));
            s.setString(7, String.join(" ", p.related()));
            s.setBytes(8, p.viewHash());
            s.addBatch();
        }

        /** Paper ids of the day's slugs: the new ones numbered on from the highest. */
        static final class IdMap {
            final Map<String, Integer> ids = new HashMap<>();
            int last;

            IdMap(int last) { this.last = last; }

            int next(String slug) { ids.put(slug, ++last); return last; }

            boolean has(String slug) { return ids.containsKey(slug); }

            void put(String slug, int id) { ids.put(slug, id); }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : statements.values()) s.close();
            c.close();
        }
    }

    // ------------------------------------------------------------------ (c) CBOR split: hashed key index + months

    /**
     * {@code index.cbor}: the header, the months (key, first paper ordinal), the lists' lengths and three sorted
     * tables of 64-bit key hashes (arXiv id, title key, slug) with the paper's ordinal, as byte strings; a hit is
     * confirmed against the record. {@code papers/YYYY-MM.cbor}: the records of the papers first seen that month,
     * each a byte string decoded only when asked for. {@code days/YYYY-MM.cbor}: that month's days.
     * {@code lists/NAME/N.cbor}: members {@code N*BLOCK..} of a list. All through {@link CacheFile}.
     */
    static final class CborSplit implements Store {
        static final CacheFile INDEX = new CacheFile("state-index", 1);
        static final CacheFile RECORDS = new CacheFile("state-records", 1);
        static final CacheFile MEMBERS = new CacheFile("state-members", 1);
        static final String ID = "bench";

        final Path dir;
        final Map<String, String> header = new LinkedHashMap<>();
        final List<String> months = new ArrayList<>();
        int[] monthStart;
        final Map<String, Integer> counts = new LinkedHashMap<>();
        HashTable arxiv, titles, slugs;
        final Map<String, List<byte[]>> paperFiles = new HashMap<>();
        final Map<String, List<byte[]>> dayFiles = new HashMap<>();
        final Map<String, List<String>> blocks = new HashMap<>();
        int paperCount;

        /** Sorted hashes and the ordinal of each. */
        record HashTable(long[] hashes, int[] ordinals) {
            static HashTable of(Map<Long, Integer> entries) {
                TreeMap<Long, Integer> sorted = new TreeMap<>(entries);
                long[] h = new long[sorted.size()];
                int[] o = new int[sorted.size()];
                int i = 0;
                for (var e : sorted.entrySet()) {
                    h[i] = e.getKey();
                    o[i++] = e.getValue();
                }
                return new HashTable(h, o);
            }

            int find(String key) {
                int i = Arrays.binarySearch(hashes, hash(key));
                return i < 0 ? -1 : ordinals[i];
            }

            /** This table with {@code more} (keys not in it yet) merged in: the daily run's 35 entries, no boxing. */
            HashTable plus(Map<Long, Integer> more) {
                HashTable add = of(more);
                long[] h = new long[hashes.length + add.hashes.length];
                int[] o = new int[h.length];
                int i = 0, j = 0, k = 0;
                while (i < hashes.length || j < add.hashes.length) {
                    boolean mine = j == add.hashes.length || i < hashes.length && hashes[i] < add.hashes[j];
                    h[k] = mine ? hashes[i] : add.hashes[j];
                    o[k++] = mine ? ordinals[i++] : add.ordinals[j++];
                }
                return new HashTable(h, o);
            }

            void write(JsonGenerator g) throws IOException {
                ByteBuffer b = ByteBuffer.allocate(hashes.length * 12);
                for (long h : hashes) b.putLong(h);
                for (int o : ordinals) b.putInt(o);
                g.writeNumber(hashes.length);
                g.writeBinary(b.array());
            }

            static HashTable read(CacheFile.In in) throws IOException {
                int n = in.integer();
                ByteBuffer b = ByteBuffer.wrap(in.bytes(n * 12));
                long[] h = new long[n];
                int[] o = new int[n];
                b.asLongBuffer().get(h);
                b.position(n * 8);
                b.asIntBuffer().get(o);
                return new HashTable(h, o);
            }
        }

        /** FNV-1a, then a finalising mix: collisions are confirmed against the record anyway. */
        static long hash(String s) {
            long h = 0xcbf29ce484222325L;
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            return h ^ h >>> 33;
        }

        CborSplit(Path dir) {
            this.dir = dir;
            INDEX.read(dir.resolve("index.cbor"), ID, in -> {
                in.array();
                List<String> h = in.strings();
                for (int i = 0; i < h.size(); i += 2) header.put(h.get(i), h.get(i + 1));
                months.addAll(in.strings());
                monthStart = in.ints();
                paperCount = in.integer();
                List<String> names = in.strings();
                int[] n = in.ints();
                for (int i = 0; i < n.length; i++) counts.put(names.get(i), n[i]);
                arxiv = HashTable.read(in);
                titles = HashTable.read(in);
                slugs = HashTable.read(in);
                in.end();
                return Boolean.TRUE;
            }).orElseThrow(() -> new IllegalStateException("no index in " + dir));
        }

        private CborSplit(Path dir, boolean empty) {
            this.dir = dir;
        }

        static void write(State s, Path dir) throws Exception {
            CborSplit c = new CborSplit(dir, true);
            c.header.putAll(s.header());
            Map<Long, Integer> a = new HashMap<>(), t = new HashMap<>(), sl = new HashMap<>();
            List<Integer> starts = new ArrayList<>();
            Map<String, List<byte[]>> byMonth = new LinkedHashMap<>();
            int ord = 0;
            for (PaperRec p : s.papers()) {
                String m = monthOf(p.firstSeen());
                if (!byMonth.containsKey(m)) {
                    c.months.add(m);
                    starts.add(ord);
                }
                byMonth.computeIfAbsent(m, k -> new ArrayList<>()).add(encode(p));
                c.indexKeys(p, ord++, a, t, sl);
            }
            c.paperCount = ord;
            c.monthStart = starts.stream().mapToInt(Integer::intValue).toArray();
            c.arxiv = HashTable.of(a);
            c.titles = HashTable.of(t);
            c.slugs = HashTable.of(sl);
            for (var e : byMonth.entrySet()) c.writeRecords("papers", e.getKey(), e.getValue());
            Map<String, List<byte[]>> days = new LinkedHashMap<>();
            for (DayRec d : s.days()) days.computeIfAbsent(monthOf(d.date()), k -> new ArrayList<>()).add(encode(d));
            for (var e : days.entrySet()) c.writeRecords("days", e.getKey(), e.getValue());
            for (var e : s.lists().entrySet()) c.appendMembers(e.getKey(), e.getValue());
            c.header.put("latest", String.valueOf(s.days().get(s.days().size() - 1).date()));
            c.writeIndex();
        }

        void indexKeys(PaperRec p, int ord, Map<Long, Integer> a, Map<Long, Integer> t, Map<Long, Integer> sl) {
            if (p.arxivId() != null) a.put(hash(p.arxivId()), ord);
            t.putIfAbsent(hash(p.titleKey()), ord);
            sl.put(hash(p.slug()), ord);
        }

        static String monthOf(int epochDay) {
            return LocalDate.ofEpochDay(epochDay).toString().substring(0, 7);
        }

        void writeIndex() throws IOException {
            INDEX.write(dir.resolve("index.cbor"), ID, g -> {
                g.writeStartArray();
                List<String> h = new ArrayList<>();
                header.forEach((k, v) -> { h.add(k); h.add(v); });
                CacheFile.writeStrings(g, h);
                CacheFile.writeStrings(g, months);
                g.writeArray(monthStart, 0, monthStart.length);
                g.writeNumber(paperCount);
                CacheFile.writeStrings(g, List.copyOf(counts.keySet()));
                int[] n = counts.values().stream().mapToInt(Integer::intValue).toArray();
                g.writeArray(n, 0, n.length);
                arxiv.write(g);
                titles.write(g);
                slugs.write(g);
                g.writeEndArray();
            });
        }

        void writeRecords(String kind, String month, List<byte[]> records) throws IOException {
            Path f = dir.resolve(kind).resolve(month + ".cbor");
            Files.createDirectories(f.getParent());
            RECORDS.write(f, ID, g -> {
                g.writeStartArray();
                for (byte[] r : records) {
                    g.writeNumber(r.length);
                    g.writeBinary(r);
                }
                g.writeEndArray();
            });
            (kind.equals("papers") ? paperFiles : dayFiles).put(month, records);
        }

        List<byte[]> records(String kind, String month) {
            Map<String, List<byte[]>> cache = kind.equals("papers") ? paperFiles : dayFiles;
            return cache.computeIfAbsent(month, m -> RECORDS.read(dir.resolve(kind).resolve(m + ".cbor"), ID, in -> {
                List<byte[]> out = new ArrayList<>();
                in.array();
                while (in.more()) out.add(in.bytes(in.integer()));
                return out;
            }).orElseGet(ArrayList::new));
        }

        PaperRec byOrdinal(int ord) {
            int m = Arrays.binarySearch(monthStart, ord);
            if (m < 0) m = -m - 2;
            return decodePaper(records("papers", months.get(m)).get(ord - monthStart[m]));
        }

        Optional<PaperRec> confirmed(HashTable table, String key, java.util.function.Function<PaperRec, String> field) {
            int ord = table.find(key);
            if (ord < 0) return Optional.empty();
            PaperRec p = byOrdinal(ord);
            return key.equals(field.apply(p)) ? Optional.of(p) : Optional.empty();
        }

        @Override public Optional<String> slugByArxiv(String id) {
            return confirmed(arxiv, id, PaperRec::arxivId).map(PaperRec::slug);
        }

        @Override public Optional<String> slugByTitle(String key) {
            return confirmed(titles, key, PaperRec::titleKey).map(PaperRec::slug);
        }

        @Override public boolean slugTaken(String slug) {
            return confirmed(slugs, slug, PaperRec::slug).isPresent();
        }

        @Override public PaperRec paper(String slug) {
            return confirmed(slugs, slug, PaperRec::slug).orElseThrow();
        }

        @Override
        public DayRec latestDay() {
            int latest = Integer.parseInt(header.get("latest"));
            List<byte[]> month = records("days", monthOf(latest));
            return decodeDay(month.get(month.size() - 1));
        }

        Path blockFile(String list, int block) {
            return dir.resolve("lists").resolve(list).resolve(block + ".cbor");
        }

        List<String> block(String list, int block) {
            return blocks.computeIfAbsent(list + '\0' + block, k -> MEMBERS.read(blockFile(list, block), ID,
                    CacheFile.In::strings).map(ArrayList::new).orElseGet(ArrayList::new));
        }

        @Override
        public List<String> tail(String list, int n) {
            int count = counts.getOrDefault(list, 0);
            List<String> out = new ArrayList<>();
            for (int b = Math.max(0, count - n) / BLOCK; b * BLOCK < count; b++) {
                List<String> members = block(list, b);
                for (int i = 0; i < members.size(); i++) if (b * BLOCK + i >= count - n) out.add(members.get(i));
            }
            return out;
        }

        void appendMembers(String list, List<String> slugs) throws IOException {
            int count = counts.getOrDefault(list, 0);
            Set<Integer> touched = new java.util.TreeSet<>();
            for (String s : slugs) {
                int b = count / BLOCK;
                block(list, b).add(s);
                touched.add(b);
                count++;
            }
            counts.put(list, count);
            for (int b : touched) {
                Path f = blockFile(list, b);
                Files.createDirectories(f.getParent());
                List<String> members = block(list, b);
                MEMBERS.write(f, ID, g -> CacheFile.writeStrings(g, members));
            }
        }

        @Override
        public void append(Today t, List<PaperRec> updated) throws IOException {
            Map<Long, Integer> a = new HashMap<>(), ti = new HashMap<>(), sl = new HashMap<>();
            Set<String> touched = new LinkedHashSet<>();
            String month = monthOf(t.day().date());
            if (!months.contains(month)) {
                months.add(month);
                monthStart = Arrays.copyOf(monthStart, monthStart.length + 1);
                monthStart[monthStart.length - 1] = paperCount;
            }
            List<byte[]> current = new ArrayList<>(records("papers", month));
            for (PaperRec p : t.newPapers()) {
                current.add(encode(p));
                indexKeys(p, paperCount++, a, ti, sl);
            }
            paperFiles.put(month, current);
            touched.add(month);
            for (PaperRec p : updated) {
                int ord = slugs.find(p.slug());
                int m = Arrays.binarySearch(monthStart, ord);
                if (m < 0) m = -m - 2;
                List<byte[]> records = new ArrayList<>(records("papers", months.get(m)));
                records.set(ord - monthStart[m], encode(p));
                paperFiles.put(months.get(m), records);
                touched.add(months.get(m));
            }
            for (String m : touched) writeRecords("papers", m, paperFiles.get(m));
            List<byte[]> days = new ArrayList<>(records("days", month));
            days.add(encode(t.day()));
            writeRecords("days", month, days);
            for (var e : t.appends().entrySet()) appendMembers(e.getKey(), e.getValue());
            arxiv = arxiv.plus(filterNew(a, arxiv));
            titles = titles.plus(filterNew(ti, titles));
            slugs = slugs.plus(filterNew(sl, slugs));
            header.put("latest", String.valueOf(t.day().date()));
            writeIndex(); // last: the index is what makes the new records reachable
        }

        private static Map<Long, Integer> filterNew(Map<Long, Integer> add, HashTable existing) {
            Map<Long, Integer> out = new HashMap<>();
            add.forEach((h, o) -> { if (Arrays.binarySearch(existing.hashes(), h) < 0) out.put(h, o); });
            return out;
        }

        @Override public void close() {}
    }

    // ------------------------------------------------------------------ building the state from the corpus

    static String weekKey(LocalDate d) {
        return String.format(Locale.ROOT, "week/%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String monthKey(LocalDate d) {
        return "month/" + d.toString().substring(0, 7);
    }

    static byte[] sha256(byte[] a, String b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(a);
            md.update(b.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable pseudo-random number from a string, for the fields the generated corpus has not got. */
    static long mix(String s, int salt) {
        return CborSplit.hash(salt + ":" + s);
    }

    /** The state of {@code digest}'s archive up to and including {@code upTo}. */
    static State stateOf(Digest digest, LocalDate upTo) {
        int last = (int) upTo.toEpochDay();
        List<Paper> papers = digest.papers().stream().filter(p -> !p.firstSeen().isAfter(upTo))
                .sorted(Comparator.comparing(Paper::firstSeen)).toList();
        // the generated corpus carries no arXiv ids, themes or related papers: stable stand-ins, by first-seen order
        List<PaperRec> recs = new ArrayList<>(papers.size());
        Map<String, Integer> perMonth = new HashMap<>();
        for (int i = 0; i < papers.size(); i++) {
            Paper p = papers.get(i);
            String slug = p.slug();
            LocalDate f = p.firstSeen();
            String ym = String.format(Locale.ROOT, "%02d%02d", f.getYear() % 100, f.getMonthValue());
            int seq = perMonth.merge(ym, 1, Integer::sum);
            String arxiv = p.arxivId().orElse(Math.floorMod(mix(slug, 1), 10) == 0 ? null
                    : String.format(Locale.ROOT, "%s.%05d", ym, seq));
            double u = (Math.floorMod(mix(slug, 2), 1_000_000)) / 1e6;
            List<String> themes = new ArrayList<>();
            themes.add(String.format(Locale.ROOT, "theme-%02d", (int) (THEMES * u * u)));
            if (Math.floorMod(mix(slug, 3), 4) == 0) {
                String second = String.format(Locale.ROOT, "theme-%02d", Math.floorMod(mix(slug, 4), THEMES));
                if (!themes.contains(second)) themes.add(second);
            }
            List<String> related = new ArrayList<>();
            for (int k = 0; i > 5 && related.size() < 5; k++) {
                String r = papers.get(Math.floorMod(mix(slug, 10 + k), i)).slug();
                if (!related.contains(r)) related.add(r);
            }
            int[] days = p.days().stream().filter(d -> !d.isAfter(upTo)).mapToInt(d -> (int) d.toEpochDay()).toArray();
            recs.add(new PaperRec(slug, arxiv, Keys.title(p.title()), (int) f.toEpochDay(), days, themes, related,
                    sha256(new byte[0], slug + Arrays.toString(days) + themes + related)));
        }
        List<DayRec> days = new ArrayList<>();
        Map<String, LinkedHashSet<String>> lists = new LinkedHashMap<>();
        for (PaperRec p : recs) for (String t : p.themes()) lists.computeIfAbsent("theme/" + t, k -> new LinkedHashSet<>()).add(p.slug());
        for (Day d : digest.days()) {
            if (d.date().isAfter(upTo)) break;
            List<ListingRec> ls = new ArrayList<>();
            for (Listing l : d.listings()) {
                ls.add(new ListingRec(l.paperSlug(), l.isNew(), l.upvotes().orElse(Math.floorMod(
                        mix(l.paperSlug() + d.date(), 5), 500))));
                lists.computeIfAbsent(weekKey(d.date()), k -> new LinkedHashSet<>()).add(l.paperSlug());
                lists.computeIfAbsent(monthKey(d.date()), k -> new LinkedHashSet<>()).add(l.paperSlug());
            }
            days.add(new DayRec((int) d.date().toEpochDay(), ls));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, List.copyOf(v)));
        Map<String, String> header = new LinkedHashMap<>();
        header.put("code", "paperboy 0.1.0 " + HexFormat.of().formatHex(sha256(new byte[0], "code")));
        header.put("config", HexFormat.of().formatHex(sha256(new byte[0], "config")));
        header.put("templates", HexFormat.of().formatHex(sha256(new byte[0], "templates")));
        header.put("latest", String.valueOf(last));
        return new State(header, recs, days, out);
    }

    /** The last day of {@code full} as the change to {@code before}. */
    static Today today(State before, State full) {
        DayRec day = full.days().get(full.days().size() - 1);
        Map<String, PaperRec> known = new HashMap<>();
        before.papers().forEach(p -> known.put(p.slug(), p));
        Map<String, PaperRec> all = new HashMap<>();
        full.papers().forEach(p -> all.put(p.slug(), p));
        List<Incoming> incoming = new ArrayList<>();
        List<PaperRec> fresh = new ArrayList<>();
        for (ListingRec l : day.listings()) {
            PaperRec p = all.get(l.slug());
            boolean isNew = !known.containsKey(l.slug());
            incoming.add(new Incoming(p.arxivId(), p.titleKey(), p.slug(), isNew));
            if (isNew) fresh.add(p);
        }
        Map<String, List<String>> appends = new LinkedHashMap<>();
        full.lists().forEach((list, members) -> {
            List<String> old = before.lists().getOrDefault(list, List.of());
            if (members.size() > old.size()) appends.put(list, members.subList(old.size(), members.size()));
        });
        return new Today(day, incoming, fresh, appends);
    }

    // ------------------------------------------------------------------ today's input, for the child JVMs

    static final CacheFile TODAY = new CacheFile("state-bench-today", 1);

    static void writeToday(Today t, Path file) throws IOException {
        TODAY.write(file, "bench", g -> {
            g.writeStartArray();
            byte[] day = encode(t.day());
            g.writeNumber(day.length);
            g.writeBinary(day);
            List<String> flat = new ArrayList<>();
            for (Incoming in : t.incoming()) {
                flat.add(in.arxivId() == null ? "" : in.arxivId());
                flat.add(in.titleKey());
                flat.add(in.slug());
                flat.add(String.valueOf(in.expectNew()));
            }
            CacheFile.writeStrings(g, flat);
            g.writeNumber(t.newPapers().size());
            for (PaperRec p : t.newPapers()) {
                byte[] b = encode(p);
                g.writeNumber(b.length);
                g.writeBinary(b);
            }
            g.writeNumber(t.appends().size());
            for (var e : t.appends().entrySet()) {
                g.writeString(e.getKey());
                CacheFile.writeStrings(g, e.getValue());
            }
            g.writeEndArray();
        });
    }

    static Today readToday(Path file) {
        return TODAY.read(file, "bench", in -> {
            in.array();
            DayRec day = decodeDay(in.bytes(in.integer()));
            List<String> flat = in.strings();
            List<Incoming> incoming = new ArrayList<>();
            for (int i = 0; i < flat.size(); i += 4) {
                incoming.add(new Incoming(flat.get(i).isEmpty() ? null : flat.get(i), flat.get(i + 1), flat.get(i + 2),
                        Boolean.parseBoolean(flat.get(i + 3))));
            }
            int n = in.integer();
            List<PaperRec> fresh = new ArrayList<>();
            for (int i = 0; i < n; i++) fresh.add(decodePaper(in.bytes(in.integer())));
            int lists = in.integer();
            Map<String, List<String>> appends = new LinkedHashMap<>();
            for (int i = 0; i < lists; i++) appends.put(in.string(), in.strings());
            in.end();
            return new Today(day, incoming, fresh, appends);
        }).orElseThrow(() -> new IllegalStateException("cannot read " + file));
    }

    // ------------------------------------------------------------------ main: prepare, then interleaved child runs

    /** Child: {@code --daily CANDIDATE STORE_DIR TODAY_FILE}; prints one RESULT line. */
    static void daily(String candidate, Path dir, Path todayFile) throws Exception {
        Today today = readToday(todayFile);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        String read;
        long t1, t2, c2;
        try (Store s = open(candidate, dir)) {
            t1 = System.nanoTime();
            read = dailyReads(s, today, new ArrayList<>());
        }
        t2 = System.nanoTime();
        c2 = os.getProcessCpuTime();
        // the same again in this JVM: the store's own cost, without loading and compiling its classes
        List<PaperRec> relisted = new ArrayList<>();
        long w0 = System.nanoTime(), w1, t3, c3;
        try (Store s = open(candidate, dir)) {
            if (!dailyReads(s, today, relisted).equals(read)) throw new IllegalStateException("second read differs");
            w1 = System.nanoTime();
            c3 = os.getProcessCpuTime();
            List<PaperRec> updated = relisted.stream().map(p -> p.listedAgain(today.day().date())).toList();
            s.append(today, updated);
        }
        t3 = System.nanoTime();
        long c4 = os.getProcessCpuTime();
        // untimed check that the append took: the same day read again finds every paper seen and itself the latest
        Today again = new Today(today.day(), today.incoming().stream()
                .map(i -> new Incoming(i.arxivId(), i.titleKey(), i.slug(), false)).toList(), List.of(), Map.of());
        String after;
        try (Store s = open(candidate, dir)) {
            after = dailyReads(s, again, new ArrayList<>());
        }
        System.out.printf(Locale.ROOT, "RESULT %s %.2f %.2f %.2f %s %s %.2f %.2f %.2f%n", candidate, (t1 - t0) / 1e6,
                (t2 - t0) / 1e6, (t3 - w1) / 1e6, fingerprint(read), fingerprint(after), (c2 - c0) / 1e6,
                (c4 - c3) / 1e6, (w1 - w0) / 1e6);
    }

    static String fingerprint(String s) {
        return HexFormat.of().formatHex(sha256(new byte[0], s)).substring(0, 16);
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double jarMb(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile().length() / 1e6;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** Generates the corpus (once), derives the state and writes it into each candidate, timed. */
    static void prepare(Path work, Path todayFile, Map<String, Double> writeSeconds, Map<String, Long> sizes)
            throws Exception {
        Path corpus = work.resolve("corpus");
        if (!Files.isDirectory(corpus) || Files.list(corpus).count() != DAYS) {
            if (Files.exists(corpus)) delete(corpus);
            CorpusGenerator.main(new String[] {"--days", String.valueOf(DAYS), "--per-day", String.valueOf(PER_DAY),
                    "--out", corpus.toString()});
        }
        long tDigest = System.nanoTime();
        Digest digest = SiteBuild.digest(new SiteBuild.Request(corpus, work.resolve("site"), Path.of("templates"),
                SiteConfig.defaults().withYear(2025), ThemeAssigner.none()), new Problems());
        LocalDate lastDay = digest.days().get(digest.days().size() - 1).date();
        State full = stateOf(digest, lastDay);
        State before = stateOf(digest, lastDay.minusDays(1));
        Today today = today(before, full);
        System.out.printf(Locale.ROOT, "state: %d days, %d papers, %d listings, %d member lists (%.1f s from the corpus)%n",
                before.days().size(), before.papers().size(),
                before.days().stream().mapToInt(d -> d.listings().size()).sum(), before.lists().size(),
                (System.nanoTime() - tDigest) / 1e9);
        long newCount = today.incoming().stream().filter(Incoming::expectNew).count();
        System.out.printf(Locale.ROOT, "new day %s: %d listings, %d new, %d re-listed, %d lists appended to%n",
                LocalDate.ofEpochDay(today.day().date()), today.incoming().size(), newCount,
                today.incoming().size() - newCount, today.appends().size());
        writeToday(today, todayFile);
        for (String c : CANDIDATES) {
            Path pristine = work.resolve("pristine").resolve(c);
            if (Files.exists(pristine)) delete(pristine);
            long t = System.nanoTime();
            writeFull(c, before, pristine);
            writeSeconds.put(c, (System.nanoTime() - t) / 1e9);
            sizes.put(c, size(pristine));
            System.out.printf(Locale.ROOT, "%s: full write %.1f s, %.1f MB%n", c, writeSeconds.get(c), sizes.get(c) / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--daily")) {
            daily(args[1], Path.of(args[2]), Path.of(args[3]));
            return;
        }
        if (args.length < 1) {
            System.err.println("usage: StateStoreBench WORK_DIR [RUNS [--reuse]]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        boolean reuse = args.length > 2 && args[2].equals("--reuse");
        Path todayFile = work.resolve("today.cbor");
        Path prepared = work.resolve("prepared.txt");
        Map<String, Double> writeSeconds = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        if (reuse && Files.exists(prepared)) {
            for (String line : Files.readAllLines(prepared)) {
                String[] f = line.split(" ");
                writeSeconds.put(f[0], Double.parseDouble(f[1]));
                sizes.put(f[0], Long.parseLong(f[2]));
            }
        } else {
            prepare(work, todayFile, writeSeconds, sizes);
            List<String> lines = new ArrayList<>();
            for (String c : CANDIDATES) lines.add(c + " " + writeSeconds.get(c) + " " + sizes.get(c));
            Files.write(prepared, lines);
        }

        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        Map<String, List<Double>> open = new LinkedHashMap<>(), reads = new LinkedHashMap<>(),
                append = new LinkedHashMap<>(), jvm = new LinkedHashMap<>(), readsCpu = new LinkedHashMap<>(),
                appendCpu = new LinkedHashMap<>(), warm = new LinkedHashMap<>();
        Set<String> fingerprints = new HashSet<>(), after = new HashSet<>();
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < CANDIDATES.size(); k++) {
                String c = CANDIDATES.get((k + r) % CANDIDATES.size()); // rotate the order between rounds
                Path run = work.resolve("run").resolve(c);
                copy(work.resolve("pristine").resolve(c), run);
                long t = System.nanoTime();
                Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", cp, StateStoreBench.class.getName(), "--daily", c,
                        run.toString(), todayFile.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0 || !out.contains("RESULT")) throw new IllegalStateException(c + " failed:\n" + out);
                double wall = (System.nanoTime() - t) / 1e6;
                String[] f = out.substring(out.indexOf("RESULT")).strip().split(" ");
                open.computeIfAbsent(c, x -> new ArrayList<>()).add(Double.parseDouble(f[2]));
                reads.computeIfAbsent(c, x -> new ArrayList<>()).add(Double.parseDouble(f[3]));
                append.computeIfAbsent(c, x -> new ArrayList<>()).add(Double.parseDouble(f[4]));
                jvm.computeIfAbsent(c, x -> new ArrayList<>()).add(wall);
                readsCpu.computeIfAbsent(c, x -> new ArrayList<>()).add(Double.parseDouble(f[7]));
                appendCpu.computeIfAbsent(c, x -> new ArrayList<>()).add(Double.parseDouble(f[8]));
                warm.computeIfAbsent(c, x -> new ArrayList<>()).add(Double.parseDouble(f[9]));
                fingerprints.add(f[5]);
                after.add(f[6]);
                if (r == 0) sizes.put(c + "+day", size(run));
            }
        }
        if (fingerprints.size() != 1 || after.size() != 1) {
            throw new IllegalStateException("the candidates read different content: " + fingerprints + " " + after);
        }
        Map<String, Double> jar = Map.of("mvstore", jarMb(MVStore.class), "sqlite-delete", jarMb(org.sqlite.JDBC.class),
                "sqlite-wal", jarMb(org.sqlite.JDBC.class), "cbor-split", 0.0);
        System.out.printf(Locale.ROOT, "%nmedians of %d fresh-JVM runs each, interleaved; all read the same content (%s)%n%n",
                runs, fingerprints.iterator().next());
        System.out.println("| candidate | size MB | cold open ms | cold open + daily reads ms (CPU ms) | again, warm ms"
                + " | daily append + commit ms (CPU ms) | full write s | jar MB added |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String c : CANDIDATES) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f (%.0f) | %.0f | %.0f (%.0f) | %.1f | %.1f |%n", c,
                    sizes.get(c) / 1e6, median(open.get(c)), median(reads.get(c)), median(readsCpu.get(c)),
                    median(warm.get(c)), median(append.get(c)), median(appendCpu.get(c)), writeSeconds.get(c), jar.get(c));
        }
        System.out.println();
        for (String c : CANDIDATES) {
            System.out.printf(Locale.ROOT, "%s: after the day %.1f MB; whole child JVM %.0f ms; open + reads %s; append %s%n",
                    c, sizes.get(c + "+day") / 1e6, median(jvm.get(c)), reads.get(c), append.get(c));
        }
    }
}
