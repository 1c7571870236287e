package paperboy.model;

/**
 * An immutable list or map that reads its elements when first asked for them: a digest read back from the archive
 * kept between builds, whose months are decoded only where a build looks. {@link Digest} keeps such a collection as
 * it is, since copying it would read every element. Iterating one reads the whole archive: a daily build must not.
 */
public interface Lazy {

    /** The papers of a digest that knows their first-seen order without walking its days (see {@link Digest#firstSeenOrder}). */
    interface Papers extends Lazy {
        /** The papers by the day first seen, then their place in that day's listing; as lazy as the papers. */
        java.util.List<Paper> inFirstSeenOrder();
    }

    /** The days of a digest that knows how many listings they hold without reading them. */
    interface Days extends Lazy {
        int listingCount();
    }
}
