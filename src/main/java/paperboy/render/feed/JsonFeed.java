package paperboy.render.feed;

import paperboy.render.JsonOut;

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written field by field in a fixed order: the
 * feed's fields (none null), then each item's, an empty one left out (as JSON Feed readers expect of optional
 * fields).
 */
final class JsonFeed {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private JsonFeed() {}

    static byte[] write(FeedChannel c) {
        return JsonOut.bytes(true, c.jsonUrl(), g -> {
            g.writeStartObject();
            nonNull(g, "version", VERSION);
            nonNull(g, "title", c.title());
            nonNull(g, "home_page_url", c.homeUrl());
            nonNull(g, "feed_url", c.jsonUrl());
            nonNull(g, "description", c.description());
            nonNull(g, "language", "en");
            if (c.expired()) g.writeBooleanField("expired", true);
            g.writeArrayFieldStart("items");
            for (FeedItem i : c.items()) {
                g.writeStartObject();
                nonEmpty(g, "id", i.id());
                nonEmpty(g, "url", i.url());
                nonEmpty(g, "title", i.title());
                nonEmpty(g, "content_text", i.summary().isEmpty() ? i.title() : i.summary());
                if (i.summaryHtml() != null) nonEmpty(g, "content_html", i.summaryHtml());
                nonEmpty(g, "date_published", i.rfc3339());
                if (i.categories() != null && !i.categories().isEmpty()) JsonOut.strings(g, "tags", i.categories());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void nonNull(com.fasterxml.jackson.core.JsonGenerator g, String name, String value)
            throws java.io.IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static void nonEmpty(com.fasterxml.jackson.core.JsonGenerator g, String name, String value)
            throws java.io.IOException {
        if (value != null && !value.isEmpty()) g.writeStringField(name, value);
    }
}
