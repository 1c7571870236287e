package paperboy.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.List;

/**
 * JSON files written with jackson-core's streaming generator: the data, search index and JSON Feed are written
 * field by field in a fixed order, so the output is byte-identical for the same input, without the start-up
 * cost of an object mapper (databind loads some 600 classes).
 */
public final class JsonOut {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** What writes one document. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOut() {}

    /**
     * @param pretty indented as Jackson's default pretty printer does ({@code "key" : value}, arrays on one line)
     * @param what   names the file in the error message
     */
    public static byte[] bytes(boolean pretty, String what, Body body) {
        try (ByteArrayBuilder out = new ByteArrayBuilder()) { // grows in blocks; small documents (a quoted word) stay small
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                if (pretty) g.useDefaultPrettyPrinter();
                body.write(g);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RenderException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** {@code "name" : [ "a", "b" ]}. */
    public static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        strings(g, values);
    }

    public static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /** A string field, {@code null} when the value is. */
    public static void string(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) g.writeNull();
        else g.writeString(value);
    }
}
