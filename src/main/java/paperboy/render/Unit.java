package paperboy.render;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Files made together from one view model, not yet rendered (an e-mail edition: its html, txt and eml). Like a
 * {@link Page}, lets a build render only the units whose view model changed.
 *
 * @param paths    every file {@code render} makes, in its order
 * @param template names the kind of unit in its fingerprint (the template it is rendered with)
 * @param model    builds the view model
 * @param render   makes the files from the view model
 * @param inputs   what the view model is made from, compared instead of it when given (see {@link Page#inputs})
 */
public record Unit(List<String> paths, String template, Supplier<Object> model,
                   Function<Object, List<Output>> render, Optional<Supplier<Object>> inputs) {

    public Unit {
        paths = List.copyOf(paths);
    }

    public Unit(List<String> paths, String template, Supplier<Object> model, Function<Object, List<Output>> render) {
        this(paths, template, model, render, Optional.empty());
    }
}
