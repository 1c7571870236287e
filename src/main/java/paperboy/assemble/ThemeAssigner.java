package paperboy.assemble;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.problems.Problems;

/** Groups papers into themes. Runs after deduplication, on distinct papers. */
public interface ThemeAssigner {

    /**
     * @param themes      every theme, in display order
     * @param paperThemes paper slug to theme slugs, primary first
     * @param related     paper slug to the slugs of its most similar papers, most similar first
     * @param retired     themes earlier builds published that are gone now, by slug: their URLs still lead somewhere
     * @param storeKey    the identity of the daily store (kept beside the site) this assignment wrote or was placed
     *                    from, "" when none: kept with the archive, so that a later daily build uses the store only
     *                    with the archive state it belongs to (a build killed between writing the two pairs nothing)
     */
    record Assignment(List<Theme> themes, Map<String, List<String>> paperThemes, Map<String, List<String>> related,
                      List<RetiredTheme> retired, String storeKey) {
        public Assignment {
            retired = List.copyOf(retired);
            java.util.Objects.requireNonNull(storeKey, "storeKey");
        }

        public Assignment(List<Theme> themes, Map<String, List<String>> paperThemes, Map<String, List<String>> related,
                          List<RetiredTheme> retired) {
            this(themes, paperThemes, related, retired, "");
        }

        public Assignment(List<Theme> themes, Map<String, List<String>> paperThemes, Map<String, List<String>> related) {
            this(themes, paperThemes, related, List.of());
        }

        public static Assignment none() {
            return new Assignment(List.of(), Map.of(), Map.of());
        }

        public Assignment withStoreKey(String key) {
            return new Assignment(themes, paperThemes, related, retired, key);
        }

        /**
         * The papers whose themes or related papers this assignment sets anew, when it says so: both maps are
         * {@link Overlay}s over an earlier assignment (the daily case), and the slugs are those on their tops.
         * Empty: any paper may have changed.
         */
        public Optional<Set<String>> changed() {
            if (!(paperThemes instanceof Overlay<String, List<String>> t) || !(related instanceof Overlay<String, List<String>> r)) {
                return Optional.empty();
            }
            Set<String> out = new java.util.HashSet<>(t.top().keySet());
            out.addAll(r.top().keySet());
            return Optional.of(out);
        }

        /** {@code digest} with these themes: each paper's themes and related papers, and the list of themes. */
        public Digest applyTo(Digest digest) {
            // A paper whose themes are those it has already is kept as it is: a daily build changes a few dozen.
            List<Paper> papers = digest.papers().stream()
                    .map(p -> {
                        List<String> t = paperThemes.getOrDefault(p.slug(), List.of());
                        List<String> r = related.getOrDefault(p.slug(), List.of());
                        return p.themes().equals(t) && p.related().equals(r) ? p : p.withThemes(t, r);
                    })
                    .toList();
            return Digest.of(digest.days(), papers, themes).withEditorial(digest.editorial()).withRetiredThemes(retired);
        }

        /**
         * As {@link #applyTo(Digest)} when only the papers named in {@code only} can differ from what this assignment
         * says (the others carry it already): those are looked up and replaced, the rest is the digest's as it is,
         * not walked (a daily build over an archive read lazily).
         */
        public Digest applyTo(Digest digest, Set<String> only) {
            Map<String, Paper> replaced = new java.util.HashMap<>();
            for (String slug : only) {
                Paper p = digest.papersBySlug().get(slug);
                if (p == null) continue;
                List<String> t = paperThemes.getOrDefault(slug, List.of());
                List<String> r = related.getOrDefault(slug, List.of());
                if (!p.themes().equals(t) || !p.related().equals(r)) replaced.put(slug, p.withThemes(t, r));
            }
            return digest.revised(replaced, themes).withRetiredThemes(retired);
        }
    }

    Assignment assign(List<Paper> papers);

    /**
     * As {@link #assign(List)}, reporting what the user should know (a bad themes.yml, a pin that matches no
     * paper) to {@code problems}; errors there stop the build.
     */
    default Assignment assign(List<Paper> papers, Problems problems) {
        return assign(papers);
    }

    /**
     * The same assigner, free to keep work between builds of the site at {@code outDir} (beside it, like the
     * build cache) and reuse it; the assignment must be the same as without. By default nothing is kept.
     */
    default ThemeAssigner cachedFor(Path outDir) {
        return this;
    }

    /**
     * True when papers first seen in the month of the latest day are only placed into themes fitted without them:
     * adding more such papers leaves every other paper's themes and related papers, and the themes' names, as
     * they are. An incremental build then renders only what the new papers reach.
     */
    default boolean placesLatestMonthOnly(Digest digest) {
        return false;
    }

    /**
     * The daily case, cheaply: {@code assembled}'s papers are the papers of {@code before}'s build (some listed
     * again, their texts unchanged) plus the papers named in {@code added}, first seen after every other paper and
     * in the month of the latest day, where {@link #placesLatestMonthOnly} held for the papers before. Must return
     * exactly what {@link #assign(List, Problems)} would for {@code assembled.papers()}; empty when this assigner
     * cannot tell without that work (the build then calls it). By default it cannot. It reads the days of the
     * latest month and papers by slug, never every paper: the archive may be read lazily.
     *
     * @param before the assignment of the previous build, as it kept it (with its {@code storeKey})
     */
    default Optional<Assignment> assignAppended(Digest assembled, Set<String> added, Assignment before,
                                                Problems problems) {
        return Optional.empty();
    }

    /** Themes off: every paper's theme list stays empty. */
    static ThemeAssigner none() {
        return new ThemeAssigner() {
            @Override
            public Assignment assign(List<Paper> papers) {
                return Assignment.none();
            }

            @Override
            public boolean placesLatestMonthOnly(Digest digest) {
                return true;
            }
        };
    }
}
