package paperboy.render;

import java.nio.charset.StandardCharsets;

/**
 * One file of the built site.
 *
 * @param path     relative to the site root, with "/" separators
 * @param bytes    the content
 * @param producer what made it, for the output-path collision message
 */
public record Output(String path, byte[] bytes, String producer) {

    public static Output text(String path, String text, String producer) {
        return new Output(path, text.getBytes(StandardCharsets.UTF_8), producer);
    }
}
