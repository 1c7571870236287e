package paperboy.render.site;

import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.Renderer;
import java.util.List;
import paperboy.model.Digest;

/** The site's own pages from content/pages: one {@code <slug>/index.html} each. */
public final class EditorialPages implements Renderer {

    @Override
    public String name() {
        return "pages";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        Views views = new Views(digest, ctx.config(), ctx.texts(digest), ctx.days(digest));
        return digest.editorial().pages().stream()
                .map(p -> new Output(p.path(), ctx.templates().renderBytes("page.ftlh", views.sitePage(p)), name()))
                .toList();
    }
}
