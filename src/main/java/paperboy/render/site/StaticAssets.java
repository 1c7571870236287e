package paperboy.render.site;

import paperboy.render.Output;
import paperboy.render.RenderContext;
import paperboy.render.RenderException;
import paperboy.render.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import paperboy.model.Digest;

/** Copies {@code templates/assets/} (stylesheet, favicon, scripts) to {@code assets/} as they are. */
public final class StaticAssets implements Renderer {

    @Override
    public String name() {
        return "assets";
    }

    @Override
    public List<Output> render(Digest digest, RenderContext ctx) {
        Path dir = ctx.templatesDir().resolve("assets");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().map(f -> read(dir, f)).toList();
        } catch (IOException e) {
            throw new RenderException(dir + ": cannot read assets: " + e.getMessage(), e);
        }
    }

    private Output read(Path dir, Path f) {
        try {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            return new Output("assets/" + rel, Files.readAllBytes(f), name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
