package paperboy.render;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One templated page, not yet rendered: where it goes, which template, and how to build its view model. Lets a
 * build decide per page whether it must be rendered at all (the incremental cache compares view models).
 *
 * @param inputs what the view model is made from ({@link ViewInputs}), cheaper to gather than the view: when
 *               given, the incremental build compares these instead, and builds the view only to render it
 */
public record Page(String path, String template, Supplier<Object> model, Optional<Supplier<Object>> inputs) {

    public Page(String path, String template, Supplier<Object> model) {
        this(path, template, model, Optional.empty());
    }
}
