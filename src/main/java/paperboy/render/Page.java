package paperboy.render;

import java.util.function.Supplier;

/**
 * One templated page, not yet rendered: where it goes, which template, and how to build its view model. Lets a
 * build decide per page whether it must be rendered at all (the incremental cache compares view models).
 */
public record Page(String path, String template, Supplier<Object> model) {}
