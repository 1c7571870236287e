package paperboy.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The one codec of the caches paperboy keeps beside the site ({@code .site.cache}, {@code .site.parsed},
 * {@code .site.themes}): CBOR through Jackson's streaming API, written whole or not at all ({@link AtomicFile}).
 * A file is one map, {@code {"format": NAME, "version": N, "identity": ID, "body": ..., "crc32c": C}}; the body is
 * the cache's own, C a CRC-32C of every byte before its field.
 *
 * <p>A cache is only ever a hint, so reading is all or nothing: a file that is missing, damaged, cut short, of
 * another format or version, or written under another identity (another paperboy build, other settings) reads as
 * empty, a cache miss, never an error. The checksum is what makes "damaged" a miss: CBOR has no redundancy, so a
 * flipped bit in a number (a fingerprint, a line, a centroid weight) still parses and would silently change a
 * build; it costs a few milliseconds (CRC-32C runs on the CPU's instruction) against reading the file at all.
 *
 * @param format  what the file holds, e.g. {@code "paperboy-parse-cache"}
 * @param version the body's layout: bump it whenever the body changes, and old files are simply misses
 */
public record CacheFile(String format, int version) {
    /** Made on first use: the first JVM of {@code java -jar} asks where the build cache is, and needs no Jackson. */
    private static final class Codec {
        static final CBORFactory CBOR = new CBORFactory();
    }

    /** Writes a cache's body. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    /** Reads what a {@link Body} wrote, failing (any exception) on anything else. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(In in) throws IOException;
    }

    /** Writes the file atomically: the header, then {@code body}, then the checksum. */
    public void write(Path file, String identity, Body body) throws IOException {
        AtomicFile.write(file, stream -> {
            CRC32C crc = new CRC32C();
            try (JsonGenerator g = Codec.CBOR.createGenerator(new CheckedOutputStream(stream, crc))) {
                g.writeStartObject();
                g.writeStringField("format", format);
                g.writeNumberField("version", version);
                g.writeStringField("identity", identity);
                g.writeFieldName("body");
                body.write(g);
                g.flush(); // every byte before the checksum's field through the checksum
                g.writeNumberField("crc32c", crc.getValue());
                g.writeEndObject();
            }
        });
    }

    /** The body of the file, if it is there, whole, of this format and version, and written under {@code identity}. */
    public <T> Optional<T> read(Path file, String identity, Reader<T> body) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return read(Files.readAllBytes(file), identity, body);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or foreign: a miss
        }
    }

    /** As {@link #read(Path, String, Reader)}, from the file's bytes already read. */
    public <T> Optional<T> read(byte[] bytes, String identity, Reader<T> body) {
        try {
            try (JsonParser p = Codec.CBOR.createParser(bytes)) {
                In in = new In(p, bytes);
                in.expect(JsonToken.START_OBJECT);
                if (!in.field("format").equals(format) || !in.field("version").equals(String.valueOf(version))
                        || !in.field("identity").equals(identity)) {
                    return Optional.empty();
                }
                in.name("body");
                T value = body.read(in);
                in.name("crc32c");
                CRC32C crc = new CRC32C();
                crc.update(bytes, 0, Math.toIntExact(p.currentTokenLocation().getByteOffset()));
                if (in.number() != crc.getValue()) return Optional.empty();
                in.expect(JsonToken.END_OBJECT);
                return p.nextToken() == null ? Optional.ofNullable(value) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or foreign: a miss
        }
    }

    /**
     * A value of the file left unread ({@link In#later}), to be read only if a build needs it; the file it is in was
     * read whole and its checksum checked.
     */
    public static final class Later {
        private final byte[] bytes;
        private final int start;

        private Later(byte[] bytes, int start) {
            this.bytes = bytes;
            this.start = start;
        }

        /**
         * The value at {@code start} of a file's {@code bytes} already checked, where an earlier read of the same
         * bytes found it ({@link #start}): the file need not be parsed again to reach it.
         */
        public static Later at(byte[] bytes, int start) {
            if (start < 0 || start >= bytes.length) throw new IllegalArgumentException("no value at " + start);
            return new Later(bytes, start);
        }

        /** Where the value starts in its file. */
        public int start() {
            return start;
        }

        /** Reads the value; fails (any exception) on anything but what the reader expects. */
        public <T> T read(Reader<T> reader) throws IOException {
            try (JsonParser p = Codec.CBOR.createParser(bytes, start, bytes.length - start)) {
                return reader.read(new In(p, null));
            }
        }
    }

    /** The reading side of a body: each method reads the next value and fails on anything else. */
    public static final class In {
        private final JsonParser p;
        /** the whole file, for {@link #later}; null inside a {@link Later} */
        private final byte[] bytes;
        /** whether {@link #more} has read the next token already */
        private boolean held;
        /** where {@link #ints} collects an array before it knows its length, reused */
        private int[] scratch = new int[1024];

        In(JsonParser p, byte[] bytes) {
            this.p = p;
            this.bytes = bytes;
        }

        private JsonToken next() throws IOException {
            if (!held) return p.nextToken();
            held = false;
            return p.currentToken();
        }

        /** Skips a value (an array or map whole) without decoding it: a string's text is never made. */
        public void skip() throws IOException {
            JsonToken t = next();
            if (t == null) throw new IOException("the file ends before a value");
            if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) throw new IOException("expected a value, found " + t);
            p.skipChildren();
        }

        /** A string, or null. */
        public String string() throws IOException {
            JsonToken t = next();
            if (t == JsonToken.VALUE_NULL) return null;
            if (t != JsonToken.VALUE_STRING) throw new IOException("expected a string, found " + t);
            return p.getText();
        }

        public int integer() throws IOException {
            expect(JsonToken.VALUE_NUMBER_INT);
            return p.getIntValue();
        }

        /** An int, or null. */
        public OptionalInt optionalInteger() throws IOException {
            JsonToken t = next();
            if (t == JsonToken.VALUE_NULL) return OptionalInt.empty();
            if (t != JsonToken.VALUE_NUMBER_INT) throw new IOException("expected a number or null, found " + t);
            return OptionalInt.of(p.getIntValue());
        }

        public boolean bool() throws IOException {
            JsonToken t = next();
            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw new IOException("expected a boolean, found " + t);
            return t == JsonToken.VALUE_TRUE;
        }

        public long number() throws IOException {
            expect(JsonToken.VALUE_NUMBER_INT);
            return p.getLongValue();
        }

        /** A float or double (a float is read exactly: cast the result back). */
        public double decimal() throws IOException {
            expect(JsonToken.VALUE_NUMBER_FLOAT);
            return p.getDoubleValue();
        }

        /** A byte string of exactly {@code length} bytes. */
        public byte[] bytes(int length) throws IOException {
            expect(JsonToken.VALUE_EMBEDDED_OBJECT);
            return exactly(length);
        }

        /** A byte string of exactly {@code length} bytes, or null. */
        public byte[] optionalBytes(int length) throws IOException {
            JsonToken t = next();
            if (t == JsonToken.VALUE_NULL) return null;
            if (t != JsonToken.VALUE_EMBEDDED_OBJECT) throw new IOException("expected bytes or null, found " + t);
            return exactly(length);
        }

        private byte[] exactly(int length) throws IOException {
            byte[] b = p.getBinaryValue();
            if (b.length != length) throw new IOException("expected " + length + " bytes, found " + b.length);
            return b;
        }

        /** An array of ints (collected in a buffer kept between calls, so a file of many short arrays makes no garbage but them). */
        public int[] ints() throws IOException {
            array();
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
                if (n == scratch.length) scratch = Arrays.copyOf(scratch, n * 2);
                scratch[n++] = p.getIntValue();
            }
            if (t != JsonToken.END_ARRAY) throw new IOException("expected a number or the end, found " + t);
            return Arrays.copyOf(scratch, n);
        }

        /** An array of ints, each at least 0 and below {@code bound}. */
        public int[] indices(int bound) throws IOException {
            int[] a = ints();
            for (int v : a) if (v < 0 || v >= bound) throw new IOException("index " + v + " out of range");
            return a;
        }

        /** An array (or null), skipped: it is read only if {@link Later#read} is called. */
        public Optional<Later> later() throws IOException {
            if (bytes == null) throw new IllegalStateException("a value read later holds none read later");
            JsonToken t = next();
            if (t == JsonToken.VALUE_NULL) return Optional.empty();
            if (t != JsonToken.START_ARRAY) throw new IOException("expected an array or null, found " + t);
            int start = Math.toIntExact(p.currentTokenLocation().getByteOffset());
            p.skipChildren();
            return Optional.of(new Later(bytes, start));
        }

        /** Opens an array. */
        public void array() throws IOException {
            expect(JsonToken.START_ARRAY);
        }

        /** An array (true: its items follow) or null (false). */
        public boolean optionalArray() throws IOException {
            JsonToken t = next();
            if (t == JsonToken.VALUE_NULL) return false;
            if (t != JsonToken.START_ARRAY) throw new IOException("expected an array or null, found " + t);
            return true;
        }

        /** In an array: true when another item follows (left to read), false when the array ends (read). */
        public boolean more() throws IOException {
            if (held) throw new IllegalStateException("the item found by more() was not read");
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) return false;
            if (t == null) throw new IOException("the file ends inside an array");
            held = true;
            return true;
        }

        /** In an array of arrays: true when the next item (an array) starts, false when the outer array ends. */
        public boolean nextArray() throws IOException {
            if (!more()) return false;
            array();
            return true;
        }

        /** Closes the array whose items were read. */
        public void end() throws IOException {
            expect(JsonToken.END_ARRAY);
        }

        /** An array of strings, whole. */
        public List<String> strings() throws IOException {
            array();
            List<String> all = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) all.add(p.getText());
            if (t != JsonToken.END_ARRAY) throw new IOException("expected a string or the end, found " + t);
            return all;
        }

        /** The text of the named field of the header (a string or a number). */
        private String field(String name) throws IOException {
            name(name);
            JsonToken t = next();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) throw new IOException("bad " + name);
            return p.getText();
        }

        private void name(String name) throws IOException {
            if (next() != JsonToken.FIELD_NAME || !p.currentName().equals(name)) {
                throw new IOException("expected " + name);
            }
        }

        private void expect(JsonToken token) throws IOException {
            JsonToken t = next();
            if (t != token) throw new IOException("expected " + token + ", found " + t);
        }
    }

    /** Writes an array of strings. */
    public static void writeStrings(JsonGenerator g, List<String> strings) throws IOException {
        g.writeStartArray(null, strings.size());
        for (String s : strings) g.writeString(s);
        g.writeEndArray();
    }
}
