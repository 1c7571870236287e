package paperboy.themes.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading the theme cache's CBOR: each step expects exactly what was written and throws on anything else. */
abstract class CborReader {
    final JsonParser p;

    CborReader(JsonParser p) {
        this.p = p;
    }

    final void expect(JsonToken token) throws IOException {
        if (p.nextToken() != token) throw new IllegalStateException("expected " + token + ", found " + p.currentToken());
    }

    final void field(String name) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME || !name.equals(p.currentName())) {
            throw new IllegalStateException("expected the field " + name);
        }
    }

    /** The token just read must close an array. */
    final void closed() {
        if (p.currentToken() != JsonToken.END_ARRAY) throw new IllegalStateException("array not closed");
    }

    final int number() throws IOException {
        expect(JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    final String string() throws IOException {
        expect(JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** An array of integers. */
    final int[] ints() throws IOException {
        expect(JsonToken.START_ARRAY);
        int n = 0;
        while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            if (n == scratch.length) scratch = Arrays.copyOf(scratch, n * 2);
            scratch[n++] = p.getIntValue();
        }
        closed();
        return Arrays.copyOf(scratch, n);
    }

    /** where {@link #ints} collects an array before it knows its length, reused */
    private int[] scratch = new int[1024];

    /** An array of integers, each at least 0 and below {@code bound}. */
    final int[] indices(int bound) throws IOException {
        int[] a = ints();
        for (int v : a) if (v < 0 || v >= bound) throw new IllegalStateException("index out of range");
        return a;
    }

    final List<String> strings() throws IOException {
        expect(JsonToken.START_ARRAY);
        return stringsOpen();
    }

    /** The strings of an array whose start was just read. */
    final List<String> stringsOpen() throws IOException {
        List<String> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) out.add(p.getText());
        closed();
        return out;
    }

    /** A byte string of the given length. */
    final byte[] binary(int length) throws IOException {
        p.nextToken();
        return binaryValue(length);
    }

    /** The byte string just read, of the given length. */
    final byte[] binaryValue(int length) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT) throw new IllegalStateException("expected bytes");
        byte[] b = p.getBinaryValue();
        if (b.length != length) throw new IllegalStateException("expected " + length + " bytes");
        return b;
    }
}
