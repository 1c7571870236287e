package paperboy.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A built site as data, to compare two builds with a readable diff when they differ. */
public final class SiteTrees {
    private SiteTrees() {}

    /** Every file under {@code root} by its relative path: images (the sharing card) as Base64, the rest as UTF-8. */
    public static Map<String, String> text(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                out.put(root.relativize(f).toString(), f.toString().endsWith(".png")
                        ? Base64.getEncoder().encodeToString(bytes) : new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
