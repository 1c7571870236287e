package paperboy.render.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import paperboy.render.RenderException;

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) written with Jackson; field order fixed by the records. */
final class JsonFeed {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Doc(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
               @JsonProperty("feed_url") String feedUrl, String description, String language, List<Item> items) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(String id, String url, String title, @JsonProperty("content_text") String contentText,
                @JsonProperty("date_published") String datePublished, List<String> tags) {}

    private JsonFeed() {}

    static byte[] write(FeedChannel c) {
        List<Item> items = c.items().stream()
                .map(i -> new Item(i.id(), i.url(), i.title(), i.summary().isEmpty() ? i.title() : i.summary(),
                        i.rfc3339(), i.categories()))
                .toList();
        Doc doc = new Doc(VERSION, c.title(), c.homeUrl(), c.jsonUrl(), c.description(), "en", items);
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new RenderException("cannot write " + c.jsonUrl() + ": " + e.getMessage(), e);
        }
    }
}
