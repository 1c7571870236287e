package paperboy.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one codec of the caches paperboy keeps beside the site ({@code .site.cache}, {@code .site.parsed}, ...):
 * CBOR through Jackson's streaming API, written whole or not at all ({@link AtomicFile}). A file is one map,
 * {@code {"format": NAME, "version": N, "identity": ID, "body": ...}}; the body is the cache's own.
 *
 * <p>A cache is only ever a hint, so reading is all or nothing: a file that is missing, damaged, cut short (the
 * map must close after the body), of another format or version, or written under another identity (another
 * paperboy build, other settings) reads as empty, a cache miss, never an error.
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

    /** Writes the file atomically: the header, then {@code body}. */
    public void write(Path file, String identity, Body body) throws IOException {
        AtomicFile.write(file, stream -> {
            try (JsonGenerator g = Codec.CBOR.createGenerator(stream)) {
                g.writeStartObject();
                g.writeStringField("format", format);
                g.writeNumberField("version", version);
                g.writeStringField("identity", identity);
                g.writeFieldName("body");
                body.write(g);
                g.writeEndObject();
            }
        });
    }

    /** The body of the file, if it is there, whole, of this format and version, and written under {@code identity}. */
    public <T> Optional<T> read(Path file, String identity, Reader<T> body) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream stream = Files.newInputStream(file); JsonParser p = Codec.CBOR.createParser(stream)) {
            In in = new In(p);
            in.expect(JsonToken.START_OBJECT);
            if (!in.field("format").equals(format) || !in.field("version").equals(String.valueOf(version))
                    || !in.field("identity").equals(identity)) {
                return Optional.empty();
            }
            in.name("body");
            T value = body.read(in);
            in.expect(JsonToken.END_OBJECT);
            return p.nextToken() == null ? Optional.ofNullable(value) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or foreign: a miss
        }
    }

    /** The reading side of a body: each method reads the next value and fails on anything else. */
    public static final class In {
        private final JsonParser p;

        In(JsonParser p) {
            this.p = p;
        }

        /** A string, or null. */
        public String string() throws IOException {
            JsonToken t = p.nextToken();
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
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) return OptionalInt.empty();
            if (t != JsonToken.VALUE_NUMBER_INT) throw new IOException("expected a number or null, found " + t);
            return OptionalInt.of(p.getIntValue());
        }

        public long number() throws IOException {
            expect(JsonToken.VALUE_NUMBER_INT);
            return p.getLongValue();
        }

        /** Opens an array. */
        public void array() throws IOException {
            expect(JsonToken.START_ARRAY);
        }

        /** In an array of arrays: true when the next item (an array) starts, false when the outer array ends. */
        public boolean nextArray() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) return true;
            if (t == JsonToken.END_ARRAY) return false;
            throw new IOException("expected an array or its end, found " + t);
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
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) throw new IOException("bad " + name);
            return p.getText();
        }

        private void name(String name) throws IOException {
            if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals(name)) {
                throw new IOException("expected " + name);
            }
        }

        private void expect(JsonToken token) throws IOException {
            JsonToken t = p.nextToken();
            if (t != token) throw new IOException("expected " + token + ", found " + t);
        }
    }

    /** Writes an array of strings. */
    public static void writeStrings(JsonGenerator g, List<String> strings) throws IOException {
        g.writeStartArray();
        for (String s : strings) g.writeString(s);
        g.writeEndArray();
    }
}
