package paperboy.render.view;

/**
 * What the page layout needs on every page.
 *
 * @param root         relative prefix from this page to the site root ("../../"), so every link is relative
 * @param canonicalUrl absolute URL of this page, or null without a base URL
 */
public record PageMeta(String siteTitle, String title, String description, String path, String root,
                       String canonicalUrl) {

    public String href(String sitePath) {
        return root + sitePath;
    }
}
