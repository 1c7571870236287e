package paperboy.render;

import java.util.List;
import paperboy.model.Digest;

/** One output format of the site (HTML pages, data, assets, feeds...): turns the digest into files. */
public interface Renderer {
    /** A short name for timings and collision messages. */
    String name();

    List<Output> render(Digest digest, RenderContext context);
}
