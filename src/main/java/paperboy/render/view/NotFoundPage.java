package paperboy.render.view;

/** The 404 page. */
public record NotFoundPage(PageMeta meta) {}
