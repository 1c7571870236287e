package paperboy.render.view;

import java.util.ArrayList;
import java.util.List;

/**
 * What the page layout needs on every page.
 *
 * @param root         relative prefix from this page to the site root ("../../"), so every link is relative
 * @param canonicalUrl absolute URL of this page, or null without a base URL
 * @param nav          the site's own pages (content/pages), linked from the navigation on every page
 */
public record PageMeta(String siteTitle, String title, String description, String path, String root,
                       String canonicalUrl, List<NavLink> nav) {

    public PageMeta {
        nav = List.copyOf(nav);
    }


    public String href(String sitePath) {
        return root + sitePath;
    }

    /** The absolute URL of a site path (with a base URL; null without), e.g. for og:image. */
    public String absolute(String sitePath) {
        if (canonicalUrl == null) return null;
        String own = path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
        String base = canonicalUrl.endsWith(own) ? canonicalUrl.substring(0, canonicalUrl.length() - own.length()) : canonicalUrl;
        return base + sitePath;
    }

    /** The title a shared link shows: the page's, then the site's ("Mar 14, 2025 · Paper Digest"). */
    public String shareTitle() {
        return title.equals(siteTitle) ? siteTitle : title + " · " + siteTitle;
    }

    /**
     * Feed auto-discovery links: the site's feeds, plus a theme's own on its page ({@code themes/<slug>/}).
     * Feeds are built only with a base URL, which is exactly when there is a canonical URL; without one there
     * is nothing to link to.
     */
    public List<FeedLink> feedLinks() {
        if (canonicalUrl == null) return List.of();
        List<FeedLink> links = new ArrayList<>();
        String themeDir = themeDir();
        if (themeDir != null) addFeeds(links, siteTitle + " — " + themeName(), themeDir);
        addFeeds(links, siteTitle, "");
        return List.copyOf(links);
    }

    /** The theme's own folder ({@code themes/<slug>/}) on any page of a theme, also {@code page/N/}; else null. */
    private String themeDir() {
        if (!path.startsWith("themes/") || !path.endsWith("/index.html") || path.equals("themes/index.html")) return null;
        int slugEnd = path.indexOf('/', "themes/".length());
        return path.substring(0, slugEnd + 1);
    }

    /** The theme's name: the page title without the " (page N)" of later pages. */
    private String themeName() {
        int page = title.lastIndexOf(" (page ");
        return page > 0 && title.endsWith(")") ? title.substring(0, page) : title;
    }

    /** A theme's own feeds (RSS, Atom, JSON Feed), for "follow this theme"; empty on other pages and without feeds. */
    public List<FeedLink> themeFeeds() {
        String dir = themeDir();
        if (canonicalUrl == null || dir == null) return List.of();
        List<FeedLink> links = new ArrayList<>();
        links.add(new FeedLink("application/rss+xml", "RSS", root + dir + "feed.xml"));
        links.add(new FeedLink("application/atom+xml", "Atom", root + dir + "atom.xml"));
        links.add(new FeedLink("application/feed+json", "JSON Feed", root + dir + "feed.json"));
        return List.copyOf(links);
    }

    private void addFeeds(List<FeedLink> links, String name, String dir) {
        links.add(new FeedLink("application/rss+xml", name + " (RSS)", root + dir + "feed.xml"));
        links.add(new FeedLink("application/atom+xml", name + " (Atom)", root + dir + "atom.xml"));
        links.add(new FeedLink("application/feed+json", name + " (JSON Feed)", root + dir + "feed.json"));
    }
}
