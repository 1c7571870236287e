package paperboy.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates of a build: the ones built into paperboy (its jar's {@code templates/}), each overridden by the
 * file of the same name in the templates folder, if there is such a folder. So a build needs no templates folder
 * at all, and a site changes only the files it wants to.
 */
public final class TemplateFiles {
    /** Where the built-in templates are on the class path (FreeMarker's ClassTemplateLoader reads them there). */
    static final String BUILT_IN = "/templates";

    private TemplateFiles() {}

    /**
     * Every regular file under {@code sub} ("" for all), by path relative to the templates root with "/"
     * separators, sorted: the folder's file where it has one, else the built-in one.
     */
    public static Map<String, Path> list(Path folder, String sub) {
        Map<String, Path> files = new TreeMap<>();
        builtIn().ifPresent(root -> walk(root, sub, files));
        if (folder != null && Files.isDirectory(folder)) walk(folder, sub, files);
        return files;
    }

    private static void walk(Path root, String sub, Map<String, Path> into) {
        Path dir = sub.isEmpty() ? root : root.resolve(sub);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> into.put(root.relativize(f).toString().replace('\\', '/'), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in templates as a folder (inside the jar, or target/classes when run from the build). */
    private static Optional<Path> builtIn() {
        URL url = TemplateFiles.class.getResource(BUILT_IN);
        if (url == null) return Optional.empty();
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) return Optional.of(Path.of(uri));
            try {
                FileSystems.newFileSystem(uri, Map.of()); // stays open: the jar is read for as long as paperboy runs
            } catch (FileSystemAlreadyExistsException e) {
                // opened before
            }
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new RenderException("cannot read the built-in templates: " + e.getMessage(), e);
        }
    }
}
