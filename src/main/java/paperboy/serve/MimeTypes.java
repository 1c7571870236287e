package paperboy.serve;

import java.net.URLConnection;

/**
 * Content types from the JDK's table ({@link URLConnection#guessContentTypeFromName}); text and XML are UTF-8,
 * as every file paperboy writes. What the table does not know is served as bytes.
 */
final class MimeTypes {
    private MimeTypes() {}

    static String of(String fileName) {
        String type = URLConnection.guessContentTypeFromName(fileName);
        if (type == null) return "application/octet-stream";
        return type.startsWith("text/") || type.endsWith("/xml") ? type + "; charset=utf-8" : type;
    }
}
