import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;
import paperboy.problems.Problems;
import paperboy.render.data.DigestJson;
import paperboy.render.site.DiscoveryFiles;
import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.data.SearchIndex;
import paperboy.render.Templates;

/**
 * The whole-archive outputs of a corpus without the rest of the site (and without themes, the costly part):
 * search/, data/ and the sitemaps, plus the home page of an already built site (SHELL) so the search can be
 * tried in a browser. For measuring sizes on a big archive when a full build is too slow to wait for:
 *
 *   java -Xmx2g -cp target/paperboy.jar bench/SearchSite.java CONTENT OUT SHELL_SITE
 *   mvn -B -o test -Dtest=SearchAtScaleTest -Dpaperboy.searchSite=OUT     (its theme-filter step needs themes)
 */
public class SearchSite {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]), out = Path.of(args[1]), shell = Path.of(args[2]);
        SiteConfig config = ConfigLoader.load(Path.of("paperboy.yml"), false, new Problems()).orElseThrow();
        Digest digest = SiteBuild.digest(new SiteBuild.Request(content, out, Path.of("templates"), config,
                ThemeAssigner.none()), new Problems());
        RenderContext ctx = new RenderContext(config, Templates.from(Path.of("templates")), Path.of("templates"));
        long total = 0;
        for (var r : List.of(new SearchIndex(), new DigestJson(), new DiscoveryFiles())) {
            long bytes = 0, max = 0;
            List<Output> outputs = r.render(digest, ctx);
            for (Output o : outputs) {
                Path f = out.resolve(o.path());
                Files.createDirectories(f.getParent());
                Files.write(f, o.bytes());
                bytes += o.bytes().length;
                max = Math.max(max, o.bytes().length);
            }
            System.out.printf("%s: %,d files, %,d bytes, largest %,d%n", r.name(), outputs.size(), bytes, max);
            total += bytes;
        }
        Files.copy(shell.resolve("index.html"), out.resolve("index.html"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(out.resolve("assets"));
        for (String a : List.of("site.js", "style.css", "favicon.svg")) {
            Files.copy(shell.resolve("assets").resolve(a), out.resolve("assets").resolve(a), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("%d days, %d papers, %,d bytes in all%n", digest.days().size(), digest.papers().size(), total);
    }
}
