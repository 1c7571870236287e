package paperboy.render.view;

/**
 * The 404 page. A static host serves it for a missing URL at any depth, so its relative links are resolved
 * against {@code baseHref} (a {@code <base href>}): the base URL, or "/" without one (the site is
 * then taken to be at the host's root).
 */
public record NotFoundPage(PageMeta meta, String baseHref) {}
