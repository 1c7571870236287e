package paperboy.render;

import java.time.LocalDate;

/**
 * Where each kind of page lives in the built site. Links point at {@code index.html} explicitly so the site
 * works from {@code file://} as well as from a web server.
 */
public final class SitePaths {
    public static final String HOME = "index.html";
    public static final String ARCHIVE = "archive/index.html";
    public static final String NOT_FOUND = "404.html";
    public static final String STYLESHEET = "assets/style.css";
    public static final String DATA_INDEX = "data/index.json";
    public static final String THEMES = "themes/index.html";
    public static final String FEED_RSS = "feed.xml";
    public static final String FEED_ATOM = "atom.xml";
    public static final String FEED_JSON = "feed.json";

    private SitePaths() {}

    public static String day(LocalDate date) {
        return "days/" + date + "/index.html";
    }

    public static String paper(String slug) {
        return "papers/" + slug + "/index.html";
    }

    public static String theme(String slug) {
        return "themes/" + slug + "/index.html";
    }

    /** A theme's feed, {@code file} being one of FEED_RSS, FEED_ATOM, FEED_JSON. */
    public static String themeFeed(String slug, String file) {
        return "themes/" + slug + "/" + file;
    }

    /** The e-mail edition of a day; {@code ext} is "html", "txt" or "eml". */
    public static String newsletter(LocalDate date, String ext) {
        return "newsletter/" + date + "." + ext;
    }

    /** "../../" for {@code days/2025-03-13/index.html}, "" for {@code index.html}. */
    public static String rootFrom(String pagePath) {
        int depth = (int) pagePath.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
