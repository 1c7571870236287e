package paperboy.themes;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.problems.Problems;

/**
 * How well automatic themes survive the monthly refit: for every month boundary of an archive, the build of the
 * boundary's last day before and of its first day after; the share of the papers published before whose primary
 * theme is the same after, and the share of theme URLs (slugs) kept.
 *
 * <pre>java -cp target/classes:target/test-classes:target/paperboy.jar paperboy.themes.ContinuityBench CONTENT_DIR [embeddings|hashed]</pre>
 *
 * <p>With {@code embeddings}, the themes are those of {@code themes: {embeddings: on}} (bge-small, the consensus
 * clustering), with a theme cache under {@code target/bench-continuity} so each paper is embedded once (remove it
 * between corpora); {@code hashed} the same with {@link EmbeddedDayBench.Hashed} standing in for the model.
 */
public final class ContinuityBench {
    /**
     * One refit: the month it begins, the papers published before, and what survived.
     *
     * @param slugsKept    share of the theme URLs before that are themes after
     * @param urlsLeading  share of them that lead somewhere after: a theme, or a retired theme's page
     * @param retired      the themes published before that the refit retired
     */
    record Refit(LocalDate month, int papers, double primaryKept, int themesBefore, double slugsKept,
                 double urlsLeading, List<RetiredTheme> retired) {}

    public static void main(String[] args) throws Exception {
        SiteBuild.Request req = new SiteBuild.Request(Path.of(args[0]), Path.of("target/bench-site"),
                Path.of("templates"), SiteConfig.defaults().withYear(2025), ThemeAssigner.none());
        List<Paper> papers = SiteBuild.digest(req, new Problems()).papers();
        boolean embeddings = args.length > 1 && (args[1].equals("embeddings") || args[1].equals("hashed"));
        paperboy.themes.embed.PaperEmbedder model = args.length > 1 && args[1].equals("hashed")
                ? new EmbeddedDayBench.Hashed() : new paperboy.themes.embed.BgeSmallEmbedder();
        ThemeAssigner themes = embeddings
                ? Themes.forBuild(ThemesConfig.Mode.AUTO, ThemesConfig.defaults(), Path.of("content"),
                        java.util.Optional.of(model)).cachedFor(Path.of("target/bench-continuity/site"))
                : Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content"));
        if (embeddings) java.nio.file.Files.createDirectories(Path.of("target/bench-continuity"));
        List<Refit> refits = measure(papers, themes);
        refits.forEach(r -> System.out.printf(Locale.ROOT,
                "%s: %d papers, primary theme kept %.1f%%, %d themes, URLs kept %.1f%%, leading somewhere %.1f%%, retired %s%n",
                r.month(), r.papers(), 100 * r.primaryKept(), r.themesBefore(), 100 * r.slugsKept(),
                100 * r.urlsLeading(), r.retired()));
    }

    static List<Refit> measure(List<Paper> papers) {
        return measure(papers, Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content")));
    }

    static List<Refit> measure(List<Paper> papers, ThemeAssigner themes) {
        TreeSet<LocalDate> days = new TreeSet<>();
        papers.forEach(p -> days.addAll(p.days()));
        List<Refit> out = new ArrayList<>();
        for (LocalDate day : days) {
            LocalDate before = days.lower(day);
            if (before == null || before.withDayOfMonth(1).equals(day.withDayOfMonth(1))) continue;
            Assignment a = themes.assign(upTo(papers, before), new Problems());
            Assignment b = themes.assign(upTo(papers, day), new Problems());
            int kept = 0;
            for (Map.Entry<String, List<String>> e : a.paperThemes().entrySet()) {
                List<String> after = b.paperThemes().get(e.getKey());
                if (!e.getValue().isEmpty() && after != null && !after.isEmpty() && after.get(0).equals(e.getValue().get(0))) kept++;
            }
            Set<String> slugsAfter = new HashSet<>();
            b.themes().forEach(t -> slugsAfter.add(t.slug()));
            long slugsKept = a.themes().stream().filter(t -> slugsAfter.contains(t.slug())).count();
            Set<String> retiredAfter = new HashSet<>();
            b.retired().forEach(t -> retiredAfter.add(t.slug()));
            long leading = a.themes().stream().filter(t -> slugsAfter.contains(t.slug()) || retiredAfter.contains(t.slug())).count();
            List<RetiredTheme> retiredNow = b.retired().stream()
                    .filter(r -> a.themes().stream().anyMatch(t -> t.slug().equals(r.slug()))).toList();
            out.add(new Refit(day.withDayOfMonth(1), a.paperThemes().size(), (double) kept / a.paperThemes().size(),
                    a.themes().size(), (double) slugsKept / a.themes().size(), (double) leading / a.themes().size(),
                    retiredNow));
        }
        return out;
    }

    /** The archive as a build on {@code last} would see it: papers first seen by then, with their days up to it. */
    static List<Paper> upTo(List<Paper> papers, LocalDate last) {
        List<Paper> out = new ArrayList<>();
        for (Paper p : papers) {
            List<LocalDate> days = p.days().stream().filter(d -> !d.isAfter(last)).toList();
            if (days.isEmpty()) continue;
            out.add(new Paper(p.slug(), p.title(), p.abstractRaw(), days, 0, 0, List.of(), List.of(), p.firstSource(),
                    p.arxivId(), p.authors()));
        }
        return out;
    }
}
