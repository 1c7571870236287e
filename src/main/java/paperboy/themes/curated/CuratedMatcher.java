package paperboy.themes.curated;

import paperboy.themes.text.TermAnalyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paperboy.assemble.Keys;
import paperboy.model.Paper;
import paperboy.problems.Problems;

/**
 * Decides which curated themes each paper belongs to. Keywords and text are compared as stems with the word
 * boundaries inside a phrase ignored, so "masked autoencoders" matches "Masked Auto-Encoder" and "masked
 * autoencoding". A keyword in the title counts more than one in the abstract; pinned titles always win.
 */
public final class CuratedMatcher {
    static final int MAX_THEMES = 3;
    private static final int TITLE_HIT = 3;
    /** Keyword hits in the abstract alone needed to join a theme: one mention in passing is not a topic. */
    private static final int ABSTRACT_HITS_NEEDED = 2;

    private final Taxonomy taxonomy;
    /** per theme, its keywords */
    private final List<List<Key>> keys = new ArrayList<>();

    /**
     * A keyword's stems glued together ("maskautoencod"), and how many there are: a hit on a longer phrase is
     * more specific and weighs more, so "masked autoencoders" beats plain "autoencoder" on the same title.
     */
    private record Key(String glued, int words) {}

  public   CuratedMatcher(Taxonomy taxonomy, TermAnalyzer analyzer) {
        this.taxonomy = taxonomy;
        for (Taxonomy.Entry e : taxonomy.themes()) {
            keys.add(e.keywords().stream().map(analyzer::stems).filter(st -> !st.isEmpty())
                    .map(st -> new Key(String.join("", st), st.size())).toList());
        }
    }

    /** The keyword, as stems glued together; empty when it has no content words. */
    public static String glued(TermAnalyzer analyzer, String keyword) {
        return String.join("", analyzer.stems(keyword));
    }

    /** Each theme's keyword score for one paper, from its title and abstract stems; 0 where it does not match. */
    public int[] scores(List<String> title, List<String> abs) {
        int[] score = new int[keys.size()];
        for (int t = 0; t < keys.size(); t++) {
            int inTitle = 0, inAbstract = 0, weighted = 0;
            for (Key k : keys.get(t)) {
                int ti = hits(title, k.glued()), ab = hits(abs, k.glued());
                inTitle += ti;
                inAbstract += ab;
                weighted += k.words() * (TITLE_HIT * ti + ab);
            }
            if (inTitle > 0 || inAbstract >= ABSTRACT_HITS_NEEDED) score[t] = weighted;
        }
        return score;
    }

    /** Per paper (same order), the themes its title is pinned to; warns of pins that match no paper. */
    public List<List<Integer>> pinned(List<Paper> papers, Problems problems) {
        return pinned(papers, Set.of(), problems);
    }

    /**
     * As {@link #pinned(List, Problems)}, for some of the papers: a pin whose title key is in {@code matchedElsewhere}
     * (titles of the other papers, {@link #pinnedTitles}) matches a paper too.
     */
    public List<List<Integer>> pinned(List<Paper> papers, Set<String> matchedElsewhere, Problems problems) {
        Map<String, List<Integer>> pinnedByTitle = new HashMap<>();
        Map<String, Taxonomy.Pin> pins = new HashMap<>();
        for (int t = 0; t < taxonomy.themes().size(); t++) {
            for (Taxonomy.Pin pin : taxonomy.themes().get(t).papers()) {
                String key = Keys.title(pin.title());
                pinnedByTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                pins.putIfAbsent(key, pin);
            }
        }
        pins.keySet().removeAll(matchedElsewhere);
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            Paper p = papers.get(i);
            List<Integer> pinned = pinnedByTitle.getOrDefault(Keys.title(p.title()), List.of());
            pins.remove(Keys.title(p.title()));
            out.add(List.copyOf(new java.util.LinkedHashSet<>(pinned)));
        }
        pins.values().stream().sorted((a, b) -> a.at().compareTo(b.at())).forEach(pin ->
                problems.warning(pin.at(), "no paper titled \"" + pin.title() + "\"; the pin was ignored"));
        return out;
    }

    /** The title keys of these papers that some pin names, sorted. */
    public List<String> pinnedTitles(List<Paper> papers) {
        Set<String> pinned = new java.util.HashSet<>();
        for (Taxonomy.Entry e : taxonomy.themes()) for (Taxonomy.Pin pin : e.papers()) pinned.add(Keys.title(pin.title()));
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        if (pinned.isEmpty()) return List.of();
        for (Paper p : papers) {
            String key = Keys.title(p.title());
            if (pinned.contains(key)) out.add(key);
        }
        return List.copyOf(out);
    }

    /** How often the glued keyword occurs in the stems, starting and ending on stem boundaries. */
    public static int hits(List<String> stems, String glued) {
        int count = 0;
        for (int i = 0; i < stems.size(); i++) {
            if (!glued.startsWith(stems.get(i))) continue;
            int len = 0;
            for (int j = i; j < stems.size(); j++) {
                String s = stems.get(j);
                if (!glued.startsWith(s, len)) break;
                len += s.length();
                if (len == glued.length()) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
