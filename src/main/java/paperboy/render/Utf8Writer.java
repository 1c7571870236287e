package paperboy.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes straight into a growing UTF-8 byte array, unsynchronized: a rendered page goes to a file
 * as bytes, and a {@link java.io.StringWriter} (a synchronized buffer of UTF-16) plus {@code getBytes} copies
 * every page twice. The bytes are those of {@code String.getBytes(UTF_8)} of the same text, a lone surrogate
 * included (written as {@code ?}). One thread only.
 */
final class Utf8Writer extends Writer {
    private byte[] buf;
    private int len;
    /** A high surrogate written last, waiting for its low half. */
    private char pending;

    Utf8Writer(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int n) {
        ensure(n * 3 + 4);
        int i = off, end = off + n;
        if (pending == 0) {
            // The templates' own text comes as char arrays: mostly ASCII, as for strings below.
            byte[] b = buf;
            int l = len;
            while (i < end) {
                char c = cbuf[i];
                if (c >= 0x80) break;
                b[l++] = (byte) c;
                i++;
            }
            len = l;
        }
        for (; i < end; i++) put(cbuf[i]);
    }

    @Override
    public void write(String s, int off, int n) {
        ensure(n * 3 + 4);
        int i = off, end = off + n;
        if (pending == 0) {
            // ASCII runs, the bulk of HTML, without the per-character checks.
            byte[] b = buf;
            int l = len;
            while (i < end) {
                char c = s.charAt(i);
                if (c >= 0x80) break;
                b[l++] = (byte) c;
                i++;
            }
            len = l;
        }
        for (; i < end; i++) put(s.charAt(i));
    }

    @Override
    public Writer append(CharSequence csq) {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    private void put(char c) {
        ensure(4);
        if (pending != 0) {
            char high = pending;
            pending = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buf[len++] = '?';
        }
        if (c < 0x80) {
            buf[len++] = (byte) c;
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | (c >> 6));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pending = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[len++] = '?';
        } else {
            buf[len++] = (byte) (0xE0 | (c >> 12));
            buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }

    /** Empties the writer for the next page, keeping its buffer. */
    void reset() {
        len = 0;
        pending = 0;
    }

    /** The bytes written so far; a high surrogate left waiting counts as a lone one. */
    byte[] toByteArray() {
        if (pending != 0) {
            pending = 0;
            ensure(1);
            buf[len++] = '?';
        }
        return Arrays.copyOf(buf, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
