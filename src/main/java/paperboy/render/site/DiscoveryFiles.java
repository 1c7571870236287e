package paperboy.render.site;

import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import paperboy.render.SitePaths;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * Files for search engines: {@code robots.txt} always, {@code sitemap.xml} only with a base URL, because a
 * sitemap must list absolute URLs. No dates in the sitemap: the output stays byte-identical for the same input.
 */
public final class DiscoveryFiles implements Renderer {
    public static final String ROBOTS = "robots.txt";
    public static final String SITEMAP = "sitemap.xml";

    @Override
    public String name() {
        return "discovery";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        Optional<URI> base = ctx.config().baseUrl();
        List<Output> out = new ArrayList<>();
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        base.ifPresent(b -> robots.append("\nSitemap: ").append(b.resolve(SITEMAP)).append('\n'));
        out.add(Output.text(ROBOTS, robots.toString(), name()));
        base.ifPresent(b -> out.add(Output.text(SITEMAP, sitemap(digest, b), name())));
        return out;
    }

    /** Every page a reader may land on, as directory URLs (what the canonical links say too). */
    static List<String> pagePaths(Digest digest) {
        List<String> paths = new ArrayList<>();
        paths.add(SitePaths.HOME);
        paths.add(SitePaths.ARCHIVE);
        for (Day d : digest.days()) paths.add(SitePaths.day(d.date()));
        for (Paper p : digest.papers()) paths.add(SitePaths.paper(p.slug()));
        if (!digest.themes().isEmpty()) paths.add(SitePaths.THEMES);
        for (Theme t : digest.themes()) paths.add(SitePaths.theme(t.slug()));
        return paths;
    }

    private static String sitemap(Digest digest, URI base) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : pagePaths(digest)) {
            String dir = path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
            xml.append("  <url><loc>").append(escape(base.resolve(dir).toString())).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
