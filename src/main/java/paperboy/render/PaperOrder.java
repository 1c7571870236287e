package paperboy.render;

import java.util.List;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Paper;

/**
 * The papers of a digest numbered as the search, the data files and the sitemaps number them
 * ({@link Digest#firstSeenOrder}), kept with the digest they are of for a memo per build.
 *
 * @param digest the digest they are of (compared by identity)
 */
public record PaperOrder(Digest digest, List<Paper> papers) {

    public static PaperOrder of(Digest digest) {
        return new PaperOrder(digest, digest.firstSeenOrder());
    }

    /** The papers first seen on {@code day}, in its listing's order: its part of the order, and of the newest feeds. */
    public static List<Paper> firstListed(Digest digest, Day day) {
        return digest.firstListed(day);
    }
}
