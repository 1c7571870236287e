package paperboy.render.site;

import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.RenderException;
import paperboy.render.Renderer;
import paperboy.render.TemplateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import paperboy.model.Digest;

/** Copies {@code templates/assets/} (stylesheet, favicon, scripts; built in or overridden) to {@code assets/} as they are. */
public final class StaticAssets implements Renderer {

    @Override
    public String name() {
        return "assets";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        try {
            return TemplateFiles.list(ctx.templatesDir(), "assets").entrySet().stream()
                    .map(e -> read(e.getKey(), e.getValue())).toList();
        } catch (UncheckedIOException e) {
            throw new RenderException("templates/assets: cannot read assets: " + e.getCause().getMessage(), e);
        }
    }

    private Output read(String path, Path f) {
        try {
            return new Output(path, Files.readAllBytes(f), name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
