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
        for (Day d : digest.days()) docs.addAll(firstListed(digest, d));
        if (docs.size() < digest.papers().size()) {
            Set<String> seen = new HashSet<>();
            docs.forEach(p -> seen.add(p.slug()));
            for (Paper p : digest.papers()) if (seen.add(p.slug())) docs.add(p);
        }
        return new PaperOrder(digest, List.copyOf(docs));
    }

    /** The papers first seen on {@code day}, in its listing's order: its part of the order, and of the newest feeds. */
    public static List<Paper> firstListed(Digest digest, Day day) {
        List<Paper> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // a paper listed twice on its first day (a digest built by hand)
        for (Listing l : day.listings()) {
            Paper p = digest.papersBySlug().get(l.paperSlug());
            if (p != null && p.firstSeen().equals(day.date()) && seen.add(p.slug())) out.add(p);
        }
        return out;
    }
}
