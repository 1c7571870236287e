package paperboy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Follows every internal link of a built site's web pages: each must reach a file, and each {@code #fragment}
 * an id of the page it names. Only links a reader follows may leave the site. The 404 page resolves its links
 * against its {@code <base href>} (a static host serves it at any URL), taken as the site root.
 *
 * <p>Also runnable on any built site: {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * paperboy.checks.LinkChecker SITE_DIR}.
 */
public final class LinkChecker {
    /** What a check found. */
    public record Result(int pages, int checked, List<String> broken, List<String> rootAbsolute) {}

    private final Path site;
    private final Map<Path, Set<String>> idsByPage = new HashMap<>();

    public LinkChecker(Path site) {
        this.site = site;
    }

    public Result check() throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> rootAbsolute = new ArrayList<>();
        int checked = 0;
        List<Path> pages = TestSites.htmlPages(site);
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            boolean based = !doc.select("head base[href]").isEmpty();
            Path dir = based ? site : page.getParent();
            for (Element el : doc.select("a[href], link[href], script[src], img[src]")) {
                String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                if (ref.isEmpty() || el.attr("rel").equals("canonical")) continue;
                URI uri = URI.create(ref);
                if (uri.isAbsolute()) {
                    if (!el.tagName().equals("a")) broken.add(site.relativize(page) + ": external resource " + ref);
                    continue;
                }
                checked++;
                if (ref.startsWith("/")) rootAbsolute.add(site.relativize(page) + ": " + ref);
                Path target = uri.getPath().isEmpty() ? page : dir.resolve(uri.getPath()).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(site.relativize(page) + ": " + ref);
                } else if (uri.getFragment() != null && target.toString().endsWith(".html")) {
                    Set<String> ids = idsByPage.computeIfAbsent(target, LinkChecker::ids);
                    if (!ids.contains(uri.getFragment())) broken.add(site.relativize(page) + ": " + ref + " (no such id)");
                }
            }
        }
        return new Result(pages.size(), checked, broken, rootAbsolute);
    }

    private static Set<String> ids(Path page) {
        try {
            Set<String> ids = new HashSet<>();
            Jsoup.parse(page.toFile(), "UTF-8").select("[id]").forEach(e -> ids.add(e.id()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Result r = new LinkChecker(Path.of(args[0])).check();
        System.out.println(r.pages() + " pages, " + r.checked() + " internal links checked, " + r.broken().size()
                + " broken, " + r.rootAbsolute().size() + " root-absolute");
        r.broken().stream().limit(30).forEach(b -> System.out.println("  broken: " + b));
        System.exit(r.broken().isEmpty() ? 0 : 1);
    }
}
