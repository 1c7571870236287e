package paperboy.render.view;

/** A link to a theme page. */
public record ThemeRef(String slug, String name, String href) {}
