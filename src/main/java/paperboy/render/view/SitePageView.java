package paperboy.render.view;

/**
 * A page from content/pages.
 *
 * @param date     formatted date, or null when the page has none
 * @param bodyHtml rendered, sanitized Markdown
 */
public record SitePageView(PageMeta meta, String title, String date, String bodyHtml) {}
