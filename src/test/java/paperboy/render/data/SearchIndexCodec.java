package paperboy.render.data;

import paperboy.render.data.SearchIndex;
import java.util.List;

/** The search index's list decoding, for tests in other packages. */
public final class SearchIndexCodec {
    private SearchIndexCodec() {}

    public static List<Integer> decode(String encoded, int universe) {
        return SearchIndex.decode(encoded, universe);
    }
}
