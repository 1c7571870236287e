package paperboy.themes;

import paperboy.themes.text.Corpus;
import paperboy.themes.text.TermAnalyzer;

import java.util.List;
import java.util.Locale;
import paperboy.assemble.Slugs;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;

/**
 * A {@code themes.yml} proposal from the automatic clustering, so a curator starts from something real: each
 * theme's name, a slug, its top terms as keywords and its size and example titles as comments.
 */
public final class Suggestion {
    private static final int KEYWORDS = 6;
    private static final int EXAMPLES = 3;

    private Suggestion() {}

    public static String yaml(List<Paper> papers, ThemesConfig config) {
        ThemesConfig c = config.orDefaults();
        ThemeEngine.Clusters found = new ThemeEngine(new TermAnalyzer(), c.minThemes(), c.maxThemes()).cluster(papers);
        StringBuilder out = new StringBuilder();
        out.append("# A themes.yml proposal from clustering ").append(papers.size())
                .append(" papers automatically (paperboy themes --suggest).\n")
                .append("# Rename, merge, drop and edit freely, then save it as content/themes.yml. A paper joins the theme\n")
                .append("# its keywords (title hits most), description and closest papers point to; list titles under\n")
                .append("# \"papers\" to pin them.\n")
                .append("# Papers that no theme claims are still grouped automatically.\n");
        if (!found.other().isEmpty()) {
            out.append("# ").append(found.other().size()).append(" papers fit none of these themes.\n");
        }
        out.append("themes:\n");
        Slugs slugs = new Slugs();
        for (ThemeEngine.Found f : found.themes()) {
            out.append("  # ").append(f.members().size()).append(f.members().size() == 1 ? " paper" : " papers");
            if (!f.secondary().isEmpty()) out.append(" (and ").append(f.secondary().size()).append(" more as a secondary theme)");
            out.append(", e.g.\n");
            for (int i : f.typical().subList(0, Math.min(EXAMPLES, f.typical().size()))) {
                out.append("  #   ").append(found.corpus().papers.get(i).title().replace('\n', ' ')).append('\n');
            }
            out.append("  - name: ").append(quote(f.name())).append('\n')
                    .append("    slug: ").append(slugs.unique(f.name())).append('\n')
                    .append("    description: ").append(quote(f.keywords().isEmpty() ? ""
                            : "Papers about " + String.join(", ", f.keywords().subList(0, Math.min(KEYWORDS, f.keywords().size()))) + "."))
                    .append('\n')
                    .append("    keywords: [")
                    .append(String.join(", ", f.keywords().subList(0, Math.min(KEYWORDS, f.keywords().size()))
                            .stream().map(Suggestion::quote).toList()))
                    .append("]\n");
        }
        return out.toString();
    }

    /**
     * One line per theme of a build, for a curator: its size, whether curated, its name, its top terms (keywords)
     * and the theme nearest to it (cosine of the TF-IDF centroids of their primary papers).
     */
    public static List<String> report(List<Paper> papers, List<paperboy.model.Theme> themes) {
        Corpus corpus = Corpus.of(papers, new TermAnalyzer());
        java.util.Map<String, Integer> themeIndex = new java.util.HashMap<>();
        for (int t = 0; t < themes.size(); t++) themeIndex.put(themes.get(t).slug(), t);
        int[] primary = new int[papers.size()];
        for (int i = 0; i < papers.size(); i++) {
            List<String> ts = papers.get(i).themes();
            primary[i] = ts.isEmpty() ? -1 : themeIndex.getOrDefault(ts.get(0), -1);
        }
        float[][] c = ThemeLineage.centroids(corpus, primary, themes.size(), corpus.dims);
        List<String> out = new java.util.ArrayList<>();
        for (int t = 0; t < themes.size(); t++) {
            paperboy.model.Theme theme = themes.get(t);
            int nearest = -1;
            double best = -1;
            for (int u = 0; u < themes.size(); u++) {
                if (u == t) continue;
                double cos = 0;
                for (int d = 0; d < c[t].length; d++) cos += (double) c[t][d] * c[u][d];
                if (cos > best) {
                    best = cos;
                    nearest = u;
                }
            }
            out.add(String.format(Locale.ROOT, "%4d  %-7s %s%n      terms: %s%n      nearest: %s", theme.paperSlugs().size(),
                    theme.curated() ? "curated" : "auto", theme.name(),
                    String.join(", ", theme.keywords().subList(0, Math.min(KEYWORDS, theme.keywords().size()))),
                    nearest < 0 ? "-" : String.format(Locale.ROOT, "%s (cosine %.2f)", themes.get(nearest).name(), best)));
        }
        return out;
    }

    /** A YAML double-quoted scalar (JSON escaping is valid YAML). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (ch < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
