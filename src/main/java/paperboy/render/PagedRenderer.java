package paperboy.render;

import java.util.List;
import paperboy.model.Digest;

/**
 * A renderer whose outputs are templated pages, each a function of its view model alone (plus the templates and
 * config). The incremental build renders only the pages whose view model changed.
 */
public interface PagedRenderer extends Renderer {

    List<Page> pages(Digest digest, RenderContext ctx);

    /** Renders one page. */
    default Output render(Page page, RenderContext ctx) {
        return new Output(page.path(), ctx.templates().renderBytes(page.template(), page.model().get()), name());
    }

    @Override
    default List<Output> render(Digest digest, RenderContext ctx) {
        return pages(digest, ctx).parallelStream().map(p -> render(p, ctx)).toList();
    }
}
