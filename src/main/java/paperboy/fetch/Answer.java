package paperboy.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;

/** What the source answered for one day. */
public sealed interface Answer {
    /** The address asked (the first page's). */
    URI url();

    /** The day's list: the items as the source gave them, every page joined. */
    record Papers(URI url, List<JsonNode> items) implements Answer {
        public Papers {
            items = List.copyOf(items);
        }
    }

    /** The source has no list for the day (yet): an empty list, or 404 from a mirror that has no file for it. */
    record NotPublished(URI url, String why) implements Answer {}

    /** No usable answer: the connection, a timeout, an HTTP error or a malformed body, said in one line. */
    record Failed(URI url, String message) implements Answer {}
}
