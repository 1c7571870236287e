package paperboy.assemble;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperboy.model.Paper;
import paperboy.text.Hash128;

/**
 * What assembly must remember to go on with more days without the listings it read: which paper each identity
 * key belongs to (the first paper listed with it), and the titles and abstracts a paper was listed with when there
 * were several (its variant counts grow only with new ones).
 *
 * @param owners   key (see {@link #key}) to the slug of the paper it belongs to
 * @param variants by paper slug, every distinct title and abstract it was listed with; only papers with more than
 *                 their own title and abstract are here
 */
public record PaperIdentities(Map<Hash128.Value, String> owners, Map<String, Variants> variants) {

    /** Every distinct title and abstract a paper was listed with, in the order first seen. */
    public record Variants(List<String> titles, List<String> abstracts) {
        public Variants {
            titles = List.copyOf(titles);
            abstracts = List.copyOf(abstracts);
        }

        /** What a paper without entry in {@link #variants} was listed with: its own title and abstract. */
        static Variants of(Paper p) {
            return new Variants(List.of(p.title()), p.abstractRaw().map(List::of).orElse(List.of()));
        }
    }

    /** The three kinds of identity key, hashed apart. */
    enum Kind { ARXIV, TITLE, ABSTRACT }

    /**
     * A key as kept: a 128-bit hash of its kind and text. Two distinct keys sharing one would take a listing for
     * another paper; at ten years' 400,000 keys the chance is about 2^-91.
     */
    static Hash128.Value key(Kind kind, String text) {
        return new Hash128().word(kind.ordinal()).add(text).word(text.length()).finish();
    }

    Optional<String> owner(Kind kind, String text) {
        return Optional.ofNullable(owners.get(key(kind, text)));
    }
}
