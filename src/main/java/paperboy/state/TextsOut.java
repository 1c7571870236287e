package paperboy.state;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paperboy.model.Paper;

/** A month's abstracts as its text file holds them (see {@link Texts}): their UTF-8 bytes one after the other. */
final class TextsOut {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<String, int[]> at = new HashMap<>();

    TextsOut(List<Paper> papers) {
        for (Paper p : papers) {
            p.abstractRaw().ifPresent(a -> {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                at.put(p.slug(), new int[] {bytes.size(), b.length, MonthIndex.sum(b, 0, b.length)});
                bytes.writeBytes(b);
            });
        }
    }

    /** The paper's abstract as its month file refers to it: offset (-1: none), length and CRC-32C. */
    void writeRef(JsonGenerator g, Paper p) throws IOException {
        int[] r = at.get(p.slug());
        g.writeNumber(r == null ? -1 : r[0]);
        g.writeNumber(r == null ? 0 : r[1]);
        g.writeNumber(r == null ? 0 : r[2]);
    }

    long length() {
        return bytes.size();
    }

    void writeTo(OutputStream out) throws IOException {
        bytes.writeTo(out);
    }
}
