import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.problems.Problems;

/**
 * Writes a Hugo site equivalent to paperboy's core pages for the benchmark's comparison: one page per paper
 * (title, abstract, the days it was listed) and one per day (its papers, new or seen before, linked), read from
 * the same corpus through paperboy's own parser and assembler, with minimal layouts.
 *
 *   java -cp target/paperboy.jar bench/HugoSite.java CONTENT_DIR HUGO_SITE_DIR
 *   hugo --source HUGO_SITE_DIR --destination OUT
 */
public class HugoSite {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]), out = Path.of(args[1]);
        Digest digest = SiteBuild.digest(new SiteBuild.Request(content, out.resolve("unused"), Path.of("templates"),
                SiteConfig.defaults(), ThemeAssigner.none()), new Problems());
        Files.createDirectories(out.resolve("content/papers"));
        Files.createDirectories(out.resolve("content/days"));
        Files.createDirectories(out.resolve("layouts/_default"));
        Files.writeString(out.resolve("hugo.toml"), "baseURL = 'https://example.org/digest/'\ntitle = 'Paper Digest'\n"
                + "disableKinds = ['taxonomy', 'term']\n");
        Files.writeString(out.resolve("layouts/_default/baseof.html"), "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>{{ .Title }} · {{ .Site.Title }}</title></head><body><header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a></header>"
                + "<main>{{ block \"main\" . }}{{ end }}</main></body></html>\n");
        Files.writeString(out.resolve("layouts/_default/single.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n");
        Files.writeString(out.resolve("layouts/_default/list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}"
                + "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
        Files.writeString(out.resolve("layouts/index.html"), "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>"
                + "{{ range first 10 (where .Site.RegularPages \"Section\" \"days\").ByDate.Reverse }}"
                + "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
        for (Paper p : digest.papers()) {
            StringBuilder md = new StringBuilder("---\n").append("title: ").append(quote(p.title())).append('\n')
                    .append("date: ").append(p.firstSeen()).append("\n---\n\n")
                    .append(p.abstractRaw().orElse("").replace("\n", " ")).append("\n\nListed on:\n\n");
            for (var d : p.days()) md.append("- [").append(d).append("](/days/").append(d).append("/#").append(p.slug()).append(")\n");
            write(out.resolve("content/papers/" + p.slug() + ".md"), md);
        }
        for (Day d : digest.days()) {
            StringBuilder md = new StringBuilder("---\n").append("title: ").append(quote(d.date().toString())).append('\n')
                    .append("date: ").append(d.date()).append("\n---\n\n");
            for (Listing l : d.listings()) {
                Paper p = digest.paper(l.paperSlug());
                md.append("- [").append(p.title().replace("[", "(").replace("]", ")")).append("](/papers/").append(p.slug())
                        .append("/) ").append(l.isNew() ? "**new**" : "seen before").append('\n');
            }
            write(out.resolve("content/days/" + d.date() + ".md"), md);
        }
        System.out.println("wrote " + digest.papers().size() + " paper pages and " + digest.days().size() + " day pages to " + out);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void write(Path file, CharSequence text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
