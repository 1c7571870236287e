package paperboy.render;

import java.util.List;
import paperboy.model.Digest;

/**
 * A renderer whose files come in {@link Unit}s, each a function of its view model alone (plus the templates and
 * config). The incremental build renders only the units whose view model changed.
 */
public interface UnitRenderer extends Renderer {

    List<Unit> units(Digest digest, RenderContext ctx);

    @Override
    default List<Output> render(Digest digest, RenderContext ctx) {
        return units(digest, ctx).parallelStream().flatMap(u -> u.render().apply(u.model().get()).stream()).toList();
    }
}
