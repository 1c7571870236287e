package paperboy.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;

/**
 * The papers of a digest numbered as the search, the data files and the sitemaps number them: by the day first
 * seen, then their place in that day's listing; papers that no day lists (a digest built by hand) last, by slug.
 *
 * @param digest the digest they are of (compared by identity: a memo per build)
 */
public record PaperOrder(Digest digest, List<Paper> papers) {

    public static PaperOrder of(Digest digest) {
        List<Paper> docs = new ArrayList<>(digest.papers().size());
        for (Day d : digest.days()) {
            Set<String> today = null; // a paper listed twice on its first day counts once; rare, so made lazily
            for (Listing l : d.listings()) {
                Paper p = digest.papersBySlug().get(l.paperSlug());
                if (p == null || !p.firstSeen().equals(d.date())) continue;
                if (today == null) today = new HashSet<>();
                if (today.add(p.slug())) docs.add(p);
            }
        }
        if (docs.size() < digest.papers().size()) {
            Set<String> seen = new HashSet<>();
            docs.forEach(p -> seen.add(p.slug()));
            for (Paper p : digest.papers()) if (seen.add(p.slug())) docs.add(p);
        }
        return new PaperOrder(digest, List.copyOf(docs));
    }
}
