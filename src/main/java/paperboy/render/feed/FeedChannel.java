package paperboy.render.feed;

import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * One feed (the whole digest or one theme), the same for its three formats.
 *
 * @param description     plain text (site, theme or period description), for Atom and JSON Feed
 * @param descriptionHtml the same escaped as HTML, for RSS, whose readers render a channel's description as HTML:
 *                        a description "&lt;img onerror=...&gt;" must reach them as text, not as a live tag
 * @param homeUrl         absolute URL of the page the feed belongs to
 * @param rssUrl          absolute URL of its RSS file, likewise atomUrl and jsonUrl
 * @param updated822      date of the newest item (RFC 822); the latest day when there are none
 * @param updated3339     the same in RFC 3339
 * @param expired         it will never update again (a retired theme's): JSON Feed's {@code expired}
 */
public record FeedChannel(String title, String description, String descriptionHtml, String homeUrl, String rssUrl,
                          String atomUrl, String jsonUrl, String updated822, String updated3339, List<FeedItem> items,
                          boolean expired) {

    public FeedChannel(String title, String description, String homeUrl, String rssUrl, String atomUrl,
                       String jsonUrl, String updated822, String updated3339, List<FeedItem> items, boolean expired) {
        this(title, description, description == null ? null : Entities.escape(description), homeUrl, rssUrl, atomUrl,
                jsonUrl, updated822, updated3339, items, expired);
    }

    public FeedChannel(String title, String description, String homeUrl, String rssUrl, String atomUrl,
                       String jsonUrl, String updated822, String updated3339, List<FeedItem> items) {
        this(title, description, homeUrl, rssUrl, atomUrl, jsonUrl, updated822, updated3339, items, false);
    }
}
