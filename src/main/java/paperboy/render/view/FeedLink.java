package paperboy.render.view;

/** A {@code <link rel="alternate">} feed auto-discovery link in a page head. */
public record FeedLink(String type, String title, String href) {}
