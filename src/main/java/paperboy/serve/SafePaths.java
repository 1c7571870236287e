package paperboy.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a request path to a file under the site root, refusing anything that could leave it: {@code ..} and
 * {@code .} segments (also percent-encoded), encoded slashes and backslashes, NUL bytes. Refusal is an empty
 * result; the server answers it with 403.
 */
final class SafePaths {
    private SafePaths() {}

    /** @param rawPath the request path as sent, still percent-encoded */
    static Optional<Path> resolve(Path root, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return Optional.empty();
        String lower = rawPath.toLowerCase(Locale.ROOT);
        // Encoded separators and NUL never appear in our own URLs; refusing them keeps decoding one-step.
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || rawPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        Path p = root;
        for (String rawSegment : rawPath.substring(1).split("/", -1)) {
            String seg;
            try {
                seg = URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // malformed escape
            }
            if (seg.equals("..") || seg.equals(".") || seg.indexOf('/') >= 0 || seg.indexOf('\\') >= 0
                    || seg.indexOf('\0') >= 0 || seg.indexOf(':') >= 0) {
                return Optional.empty();
            }
            if (!seg.isEmpty()) p = p.resolve(seg);
        }
        Path normal = p.normalize();
        return normal.startsWith(root) ? Optional.of(normal) : Optional.empty();
    }
}
