package paperboy.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import paperboy.incremental.BuildCache;
import paperboy.incremental.Fingerprints;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.render.Scope;

/**
 * What changed since the previous build, to decide how much to render. The daily case, new listing files whose
 * days come after the archive's latest day within its month, reaches few outputs ({@link Scope#appended}): the
 * build renders those and keeps the rest without looking at them. Anything else (an edited or removed listing, a
 * note or page, themes.yml, config, templates, paperboy itself, a new month, whose first day refits the themes)
 * renders everything, each page compared with the previous build by the fingerprint of its view model.
 */
final class ChangeSet {
    private ChangeSet() {}

    /** Listing files added since the previous build, whose latest day they come after (see {@link #appended}). */
    record Appended(LocalDate after, Set<String> files) {}

    /** How long a paper counts as listed lately: a paper listed again after that renders everything. */
    static final int RECENT_DAYS = 62;

    /**
     * The listing files added since the previous build, by path within the content folder, when that is all that
     * changed in the content (the settings being the same); empty otherwise.
     */
    static Optional<Appended> appended(BuildCache previous, Map<String, Fingerprints.InputFile> now) {
        if (previous.archive().latestDay().isEmpty() || previous.files().isEmpty()) return Optional.empty();
        for (var e : previous.inputFiles().entrySet()) {
            Fingerprints.InputFile f = now.get(e.getKey());
            if (f == null || !f.sha().equals(e.getValue().sha())) return Optional.empty(); // edited or removed
        }
        Set<String> added = new HashSet<>();
        for (String key : now.keySet()) {
            if (previous.inputFiles().containsKey(key)) continue;
            if (!isListing(key)) return Optional.empty();
            added.add(key.substring(CONTENT.length()));
        }
        // Nothing added, yet the build runs: the site was damaged since (a file deleted or changed), and only
        // rendering everything, each output checked against the site, makes it whole again.
        if (added.isEmpty()) return Optional.empty();
        return Optional.of(new Appended(LocalDate.parse(previous.archive().latestDay()), added));
    }

    private static final String CONTENT = "content/";

    /** A listing file of the content folder, as the hashes name it ({@code content/NAME}): not a note or page. */
    private static boolean isListing(String key) {
        if (!key.startsWith(CONTENT)) return false;
        String rel = key.substring(CONTENT.length());
        return !rel.contains("/") && !rel.equals("themes.yml");
    }

    /**
     * What the build renders: only what appending the new files' days reaches, when that is all that happened to
     * the digest and its themes stay put; else everything.
     *
     * @param frozenThemes the themes' model did not take this build's new papers in: they were only placed
     * @param ontoState    the new files' days were appended to the archive kept ({@code DigestAssembler#append}),
     *                     which refuses any for a day not after the latest; else every listing was read
     */
    static Scope scope(Digest digest, BuildCache previous, Optional<Appended> appended, boolean frozenThemes,
                       boolean ontoState, Path contentDir, Path site) {
        if (appended.isEmpty() || !frozenThemes) return Scope.all();
        LocalDate latest = appended.get().after();
        List<Day> days = digest.days();
        if (!ontoState) {
            // A new file may add to an earlier day (a feed holds several days): that reaches its pages, its week and
            // month, and the papers it lists. Appending to the archive kept refuses such a file; here it is looked for.
            for (Day d : days) {
                if (d.date().isAfter(latest)) break;
                for (Path source : d.sources()) {
                    if (appended.get().files().contains(contentDir.relativize(source).toString().replace('\\', '/'))) {
                        return Scope.all();
                    }
                }
            }
        }
        // The days after the latest, read from the end: the archive's earlier days are not read.
        for (int i = days.size() - 1; i >= 0 && days.get(i).date().isAfter(latest); i--) {
            Day d = days.get(i);
            // The first day of a month refits the themes: every page may change.
            if (!YearMonth.from(d.date()).equals(YearMonth.from(latest))) return Scope.all();
            for (var l : d.listings()) {
                Paper p = digest.paper(l.paperSlug());
                // A paper listed before and again now must show elsewhere what it showed: a later listing
                // that brings an abstract, an arXiv id or authors it lacked changes every page that lists it.
                if (!p.firstSeen().isAfter(latest) && !seenAsBefore(p, previous.archive().recent())) {
                    return Scope.all();
                }
            }
        }
        if (!themesKey(digest).equals(previous.archive().themes())) return Scope.all();
        return Scope.appended(digest, latest, path -> read(site.resolve(path)));
    }

    private static boolean seenAsBefore(Paper p, Map<String, String> recent) {
        String before = recent.get(p.slug());
        return before != null && before.equals(shown(p));
    }

    /**
     * What the next build compares with, after a build that rendered {@code scope} over the archive {@code before}
     * described: a scoped build hashes its own papers again and keeps the other recent ones' hashes (their texts,
     * themes and related papers are as they were), rather than reading two months of abstracts.
     */
    static BuildCache.Archive archive(Digest digest, Scope scope, BuildCache.Archive before) {
        if (scope.everything()) return archive(digest);
        Optional<LocalDate> latest = digest.latestDay().map(Day::date);
        if (latest.isEmpty()) return archive(digest);
        LocalDate since = latest.get().minusDays(RECENT_DAYS);
        Map<String, String> recent = new HashMap<>();
        before.recent().forEach((slug, shown) -> {
            Paper p = digest.papersBySlug().get(slug);
            if (p != null && !scope.paper(slug) && !p.lastSeen().isBefore(since)) recent.put(slug, shown);
        });
        for (String slug : scope.papers()) {
            Paper p = digest.papersBySlug().get(slug);
            if (p != null && !p.lastSeen().isBefore(since)) recent.put(slug, shown(p));
        }
        return new BuildCache.Archive(latest.get().toString(), themesKey(digest), recent);
    }

    /** What the next build compares with. */
    static BuildCache.Archive archive(Digest digest) {
        Optional<LocalDate> latest = digest.latestDay().map(Day::date);
        Map<String, String> recent = new HashMap<>();
        latest.ifPresent(l -> {
            LocalDate since = l.minusDays(RECENT_DAYS);
            for (Paper p : digest.papers()) if (!p.lastSeen().isBefore(since)) recent.put(p.slug(), shown(p));
        });
        return new BuildCache.Archive(latest.map(LocalDate::toString).orElse(""), themesKey(digest), recent);
    }

    /**
     * What pages other than its own show of a paper besides the days it was listed and its upvotes (which reach
     * only the outputs a new listing is in scope for): its text, links, authors, themes and related papers.
     */
    private static String shown(Paper p) {
        return new Fingerprints.Sha().text("title", p.title()).text("abstract", p.abstractRaw().orElse("\u0000"))
                .text("arxiv", p.arxivId().orElse("\u0000")).text("authors", String.join("\n", p.authors()))
                .text("themes", String.join("\n", p.themes())).text("related", String.join("\n", p.related()))
                .hex().substring(0, 32);
    }

    /** The themes as every page names them, and the retired ones; not their members, which grow with every day. */
    static String themesKey(Digest digest) {
        Fingerprints.Sha sha = new Fingerprints.Sha();
        for (Theme t : digest.themes()) {
            sha.text("theme", t.slug()).text("name", t.name()).text("description", t.description())
                    .text("keywords", String.join("\n", t.keywords())).text("curated", String.valueOf(t.curated()));
        }
        for (RetiredTheme r : digest.retiredThemes()) {
            sha.text("retired", r.slug()).text("name", r.name()).text("on", r.retiredOn().toString());
            for (RetiredTheme.Successor x : r.successors()) sha.text("successor", x.slug() + " " + x.papers());
        }
        return sha.hex();
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
