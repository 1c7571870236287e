package paperboy.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import paperboy.incremental.BuildCache;
import paperboy.incremental.Fingerprints;
import paperboy.model.Day;
import paperboy.model.Digest;
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

    /**
     * The previous build's latest day when the content changed only by listing files added since, the settings
     * being the same; empty otherwise.
     */
    static Optional<LocalDate> appendsAfter(BuildCache previous, Map<String, Fingerprints.InputFile> now) {
        if (previous.archive().latestDay().isEmpty() || previous.files().isEmpty()) return Optional.empty();
        for (var e : previous.inputFiles().entrySet()) {
            Fingerprints.InputFile f = now.get(e.getKey());
            if (f == null || !f.sha().equals(e.getValue().sha())) return Optional.empty(); // edited or removed
        }
        for (String key : now.keySet()) {
            if (!previous.inputFiles().containsKey(key) && !isListing(key)) return Optional.empty();
        }
        return Optional.of(LocalDate.parse(previous.archive().latestDay()));
    }

    /** A listing file of the content folder, as the hashes name it ({@code content/NAME}): not a note or page. */
    private static boolean isListing(String key) {
        if (!key.startsWith("content/")) return false;
        String rel = key.substring("content/".length());
        return !rel.contains("/") && !rel.equals("themes.yml");
    }

    /**
     * What the build renders: only what appending the days after {@code after} reaches, when that is all that
     * happened to the digest and its themes stay put; else everything.
     *
     * @param frozenThemes the themes' model did not take this build's new papers in: they were only placed
     */
    static Scope scope(Digest digest, BuildCache previous, Optional<LocalDate> after, boolean frozenThemes,
                       Path site) {
        if (after.isEmpty() || !frozenThemes) return Scope.all();
        LocalDate latest = after.get();
        int days = 0, listings = 0;
        for (Day d : digest.days()) {
            if (d.date().isAfter(latest)) {
                // The first day of a month refits the themes: every page may change.
                if (!YearMonth.from(d.date()).equals(YearMonth.from(latest))) return Scope.all();
            } else {
                days++;
                listings += d.listings().size();
            }
        }
        // The new files may only add days after the latest: an earlier day that changed reaches pages of its own.
        if (days != previous.summary().days() || listings != previous.summary().listings()) return Scope.all();
        if (!themesKey(digest).equals(previous.archive().themes())) return Scope.all();
        return Scope.appended(digest, latest, path -> read(site.resolve(path)));
    }

    /** What the next build compares with. */
    static BuildCache.Archive archive(Digest digest) {
        return new BuildCache.Archive(digest.latestDay().map(d -> d.date().toString()).orElse(""), themesKey(digest));
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
            for (RetiredTheme.Successor s : r.successors()) sha.text("successor", s.slug() + " " + s.papers());
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
