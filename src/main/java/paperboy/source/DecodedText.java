package paperboy.source;

import paperboy.problems.Problems;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import paperboy.model.SourceRef;

/**
 * Turns an input file's bytes into text, strictly: UTF-8 only, BOM removed, binary files refused; a stray
 * control character (a NUL too) is removed with a warning at its line.
 */
public final class DecodedText {
    /**
     * A file that decodes as UTF-8 is binary when at least this share of its bytes are NUL. On a machine's 113,596
     * files, the 141 that were valid UTF-8 yet held NUL bytes (terminfo, locale data, zeroed database pages)
     * were 17% NUL or more, but for one text file with a single NUL (0.09%); a text with a stray NUL sits far
     * below, and a file zeroed by a crash, or UTF-32, far above.
     */
    static final double BINARY_NUL_SHARE = 0.10;

    private DecodedText() {}

    /** The text of {@code file}, or empty after reporting why it cannot be read or is not UTF-8 text. */
    public static Optional<String> read(Path file, Problems problems) {
        try {
            return decode(file, java.nio.file.Files.readAllBytes(file), problems);
        } catch (java.io.IOException e) {
            problems.error(SourceRef.file(file), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The text, or empty after reporting why the bytes are not UTF-8 text. */
    public static Optional<String> decode(Path file, byte[] bytes, Problems problems) {
        int start = startsWithBom(bytes) ? 3 : 0;
        if (utf16(bytes)) {
            problems.error(SourceRef.of(file, 1), "UTF-16 text; paperboy reads UTF-8 only: re-save the file as UTF-8");
            return Optional.empty();
        }
        int firstNul = -1, nuls = 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (nuls++ == 0) firstNul = i;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        // Binary: NUL bytes and not UTF-8 (nearly every binary format), or valid UTF-8 but thick with NULs.
        if (nuls > 0 && (r.isError() || nuls >= BINARY_NUL_SHARE * (bytes.length - start))) {
            problems.error(position(file, bytes, firstNul), String.format(java.util.Locale.ROOT,
                    "binary file (NUL byte at byte %d, %,d NUL bytes in all), not a text listing", firstNul, nuls));
            return Optional.empty();
        }
        if (r.isError()) {
            int at = in.position();
            problems.error(position(file, bytes, at), String.format(
                    "not UTF-8: byte 0x%02X at byte offset %d cannot start or continue a character; re-save the file as UTF-8",
                    bytes[at] & 0xff, at));
            return Optional.empty();
        }
        out.flip();
        String text = out.toString();
        ControlCharacters.Stripped clean = ControlCharacters.strip(text);
        if (clean.removed() > 0) {
            int at = ControlCharacters.firstForbidden(text);
            int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            problems.warning(SourceRef.of(file, line), controlCharacters(clean));
        }
        return Optional.of(clean.text());
    }

    /** The warning for control characters removed from an input. */
    public static String controlCharacters(ControlCharacters.Stripped s) {
        return s.removed() == 1 ? "removed a control character (" + s.first() + ") that web pages and feeds cannot hold"
                : "removed " + s.removed() + " control characters (the first " + s.first()
                  + ") that web pages and feeds cannot hold";
    }

    /**
     * A UTF-16 byte order mark, or text whose every other byte is NUL (UTF-16 without a mark): said as such,
     * rather than "binary".
     */
    private static boolean utf16(byte[] b) {
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            return true;
        }
        int n = Math.min(b.length, 200) & ~1;
        if (n < 4) return false;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenNul++;
            if (b[i + 1] == 0) oddNul++;
        }
        return Math.max(evenNul, oddNul) >= n / 2 * 0.9 && Math.min(evenNul, oddNul) == 0;
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    /** Line and column (in bytes, 1-based) of a byte offset. */
    private static SourceRef position(Path file, byte[] bytes, int offset) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceRef(file, line, offset - lineStart + 1);
    }
}
