package paperboy.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.SiteBuild;
import paperboy.render.Page;
import paperboy.render.RenderContext;
import paperboy.bench.CorpusGenerator;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.incremental.ModelHash;
import paperboy.model.Digest;
import paperboy.problems.Problems;
import paperboy.themes.Themes;

/**
 * The incremental build keeps a day or paper page whose {@link ViewInputs} did not change, without building its
 * view: so whenever two digests give a page the same inputs, they must give it the same view model.
 */
class ViewInputsTest {
    @TempDir
    Path tmp;

    @Test
    void pagesWithTheSameInputsHaveTheSameViewAcrossANewDayAnEditAndARemovedDay() throws Exception {
        Path corpus = tmp.resolve("corpus"), content = tmp.resolve("content");
        // 25 days of February, then March: themes are fitted on February and stay put as March days come.
        var options = new CorpusGenerator.Options(30, 10, 0.4, 11, LocalDate.of(2024, 2, 5));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        List<Path> days = list(corpus);
        Files.createDirectories(content);
        for (Path f : days.subList(0, 28)) Files.copy(f, content.resolve(f.getFileName()));

        Map<String, String[]> before = fingerprints(load(content));
        Files.copy(days.get(28), content.resolve(days.get(28).getFileName()));
        Map<String, String[]> newDay = fingerprints(load(content));
        int kept = assertSameInputsGiveSameViews(before, newDay);
        assertThat(kept).as("pages whose inputs a new day did not change").isGreaterThan(newDay.size() / 2);

        // A title retyped on an earlier day, and a day removed: every view that changes must have changed inputs.
        Path third = list(content).get(2);
        String text = Files.readString(third);
        String title = text.split("\r?\n")[12].strip();
        Files.writeString(third, text.replace(title, title + " Revisited"));
        Files.delete(list(content).get(5));
        assertSameInputsGiveSameViews(newDay, fingerprints(load(content)));
    }

    /** @return how many pages had the same inputs in both */
    private static int assertSameInputsGiveSameViews(Map<String, String[]> a, Map<String, String[]> b) {
        int same = 0;
        for (var e : b.entrySet()) {
            String[] old = a.get(e.getKey());
            if (old == null || !old[0].equals(e.getValue()[0])) continue;
            same++;
            assertThat(e.getValue()[1]).as("view of %s, whose inputs did not change", e.getKey()).isEqualTo(old[1]);
        }
        return same;
    }

    private Digest load(Path content) throws Exception {
        SiteConfig config = SiteConfig.defaults();
        var request = new SiteBuild.Request(content, tmp.resolve("site"), Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), "auto", content));
        return SiteBuild.digest(request, new Problems());
    }

    /** Page path → {inputs fingerprint, view fingerprint}, for every page that names its inputs. */
    private static Map<String, String[]> fingerprints(Digest digest) {
        RenderContext ctx = new RenderContext(SiteConfig.defaults(), null, Path.of("templates"));
        Map<String, String[]> out = new LinkedHashMap<>();
        for (Page p : new HtmlPages().pages(digest, ctx)) {
            p.inputs().ifPresent(in -> out.put(p.path(), new String[] {
                    ModelHash.of(p.template(), in.get()), ModelHash.of(p.template(), p.model().get())}));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
