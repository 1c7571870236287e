package paperboy.render.view;

/** A link in the site navigation; {@code path} is from the site root (use {@code meta.href(path)}). */
public record NavLink(String title, String path) {}
