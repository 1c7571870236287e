package paperboy.render.newsletter;

import java.util.Arrays;

/**
 * A text part's body as Jakarta Mail (angus-mail 2.0) writes it: the same choice of quoted-printable and the same
 * bytes as its {@code QPEncoderStream} (lines of at most 76 with the soft break, a space before a line end
 * encoded, CR, LF and CRLF all written as CRLF), in one pass over an array.
 *
 * <p>Hand-written because it pays: Jakarta Mail scans every part once to choose its encoding and once more to
 * encode it, a byte at a time through a writer and three streams; that was half the thread time of the daily and
 * weekly e-mail editions of a ten-year archive (async-profiler, bench/profile.sh 3650). {@code QuotedPrintableTest}
 * checks these bytes against Jakarta Mail's own on texts made to hit every rule.
 */
final class QuotedPrintable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Jakarta Mail's encoder writes at most 75 characters before a soft line break ("=" makes 76). */
    private static final int PER_LINE = 75;

    private QuotedPrintable() {}

    /**
     * True when Jakarta Mail would send {@code utf8} as quoted-printable ({@code MimeUtility.getEncoding} of a text
     * part): some bytes that are not 7-bit text but fewer than the rest, or a line longer than 998 bytes. The
     * other cases (7bit, base64) are left to Jakarta Mail.
     */
    static boolean chosenFor(byte[] utf8) {
        int ascii = 0, nonAscii = 0, lineLength = 0;
        boolean longLine = false;
        for (byte x : utf8) {
            int b = x & 0xff;
            if (b == '\r' || b == '\n') {
                lineLength = 0;
            } else if (++lineLength > 998) {
                longLine = true;
            }
            if (b >= 0x7f || (b < 0x20 && b != '\r' && b != '\n' && b != '\t')) nonAscii++;
            else ascii++;
        }
        return nonAscii == 0 ? longLine : ascii > nonAscii;
    }

    /** {@code utf8} encoded as quoted-printable, byte for byte as Jakarta Mail's encoder does it. */
    static byte[] encode(byte[] utf8) {
        byte[] out = new byte[utf8.length + utf8.length / 8 + 64];
        int n = 0, count = 0;
        boolean gotSpace = false, gotCR = false;
        for (byte x : utf8) {
            if (n + 16 > out.length) out = Arrays.copyOf(out, out.length * 2);
            int c = x & 0xff;
            if (gotSpace) { // a space is written once the next byte says whether it ends a line
                boolean encode = c == '\r' || c == '\n';
                if ((count += encode ? 3 : 1) > PER_LINE) {
                    n = softBreak(out, n);
                    count = encode ? 3 : 1;
                }
                n = encode ? hex(out, n, ' ') : put(out, n, ' ');
                gotSpace = false;
            }
            if (c == '\r') {
                gotCR = true;
                out[n++] = '\r';
                out[n++] = '\n';
                count = 0;
                continue;
            }
            if (c == '\n') {
                if (!gotCR) {
                    out[n++] = '\r';
                    out[n++] = '\n';
                    count = 0;
                }
            } else if (c == ' ') {
                gotSpace = true;
            } else if (c < 0x20 || c >= 0x7f || c == '=') {
                if ((count += 3) > PER_LINE) {
                    n = softBreak(out, n);
                    count = 3;
                }
                n = hex(out, n, c);
            } else {
                if (++count > PER_LINE) {
                    n = softBreak(out, n);
                    count = 1;
                }
                out[n++] = (byte) c;
            }
            gotCR = false;
        }
        if (gotSpace) { // the stream's flush at the end of the part
            if (n + 16 > out.length) out = Arrays.copyOf(out, out.length + 16);
            if (count + 3 > PER_LINE) n = softBreak(out, n);
            n = hex(out, n, ' ');
        }
        return Arrays.copyOf(out, n);
    }

    private static int softBreak(byte[] out, int n) {
        out[n] = '=';
        out[n + 1] = '\r';
        out[n + 2] = '\n';
        return n + 3;
    }

    private static int hex(byte[] out, int n, int c) {
        out[n] = '=';
        out[n + 1] = HEX[c >> 4];
        out[n + 2] = HEX[c & 0xf];
        return n + 3;
    }

    private static int put(byte[] out, int n, int c) {
        out[n] = (byte) c;
        return n + 1;
    }
}
