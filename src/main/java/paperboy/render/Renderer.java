package paperboy.render;

import java.util.List;
import paperboy.model.Digest;

/** One output format of the site (HTML pages, data, assets, feeds...): turns the digest into files. */
public interface Renderer {
    /** A short name for timings and collision messages. */
    String name();

    List<Output> render(Digest digest, RenderContext context);

    /**
     * Folders (path prefixes) whose files this renderer writes whole in every build, a scoped one too: a file
     * there that a build does not write is stale. Elsewhere a scoped build keeps what it does not render.
     */
    default List<String> rewrittenWhole() {
        return List.of();
    }
}
