package paperboy.render;

import java.util.List;
import java.util.function.Consumer;
import paperboy.model.Digest;

/** One output format of the site (HTML pages, data, assets, feeds...): turns the digest into files. */
public interface Renderer {
    /** A short name for timings and collision messages. */
    String name();

    List<Output> render(Digest digest, RenderContext context);

    /**
     * The same files, each handed to {@code sink} as soon as it is made. A renderer of many large files (data,
     * search index) overrides it so that a build writes them as they come instead of holding them all.
     */
    default void render(Digest digest, RenderContext context, Consumer<Output> sink) {
        render(digest, context).forEach(sink);
    }

    /**
     * Folders (path prefixes) whose files this renderer writes whole in every build, a scoped one too: a file
     * there that a build does not write is stale. Elsewhere a scoped build keeps what it does not render.
     */
    default List<String> rewrittenWhole() {
        return List.of();
    }
}
