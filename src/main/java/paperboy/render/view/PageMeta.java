package paperboy.render.view;

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

    /** Page metadata without page links in the navigation. */
    public PageMeta(String siteTitle, String title, String description, String path, String root,
                    String canonicalUrl) {
        this(siteTitle, title, description, path, root, canonicalUrl, List.of());
    }

    public String href(String sitePath) {
        return root + sitePath;
    }
}
