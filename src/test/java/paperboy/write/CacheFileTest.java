package paperboy.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache file reads back what was written, or nothing at all: never a part, never an error. */
class CacheFileTest {
    static final CacheFile NOTES = new CacheFile("paperboy-test-notes", 1);

    @TempDir
    Path tmp;

    record Note(String title, String text, long size, List<String> tags) {}

    static void write(CacheFile format, Path file, String identity, Note note) throws IOException {
        format.write(file, identity, g -> {
            g.writeStartArray();
            g.writeString(note.title());
            g.writeString(note.text());
            g.writeNumber(note.size());
            CacheFile.writeStrings(g, note.tags());
            g.writeEndArray();
        });
    }

    static Optional<Note> read(CacheFile format, Path file, String identity) {
        return format.read(file, identity, in -> {
            in.array();
            Note note = new Note(in.string(), in.string(), in.number(), in.strings());
            in.end();
            return note;
        });
    }

    @Test
    void readsBackWhatWasWrittenUnderTheSameFormatVersionAndIdentity() throws IOException {
        Path file = tmp.resolve(".site.notes");
        Note note = new Note("tabs\tand\nnewlines", null, 5_000_000_000L, List.of("a", "", "ü"));
        write(NOTES, file, "build 1", note);
        assertThat(read(NOTES, file, "build 1")).contains(note);
        assertThat(tmp.resolve(".site.notes.tmp")).doesNotExist();
    }

    @Test
    void anotherFormatVersionOrIdentityIsAMiss() throws IOException {
        Path file = tmp.resolve(".site.notes");
        write(NOTES, file, "build 1", new Note("t", "x", 1, List.of()));
        assertThat(read(NOTES, file, "build 2")).isEmpty();
        assertThat(read(new CacheFile("paperboy-test-notes", 2), file, "build 1")).isEmpty();
        assertThat(read(new CacheFile("paperboy-other", 1), file, "build 1")).isEmpty();
    }

    @Test
    void aFileCutShortAnywhereDamagedOrMissingIsAMiss() throws IOException {
        Path file = tmp.resolve(".site.notes");
        write(NOTES, file, "build 1", new Note("title", "text", 42, List.of("x", "y")));
        byte[] whole = Files.readAllBytes(file);
        for (int cut = 0; cut < whole.length; cut++) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertThat(read(NOTES, file, "build 1")).as("cut at %d", cut).isEmpty();
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        Files.write(file, longer);
        assertThat(read(NOTES, file, "build 1")).as("trailing byte").isEmpty();
        Files.writeString(file, "paperboy-build-cache 1\nsettings x\n");
        assertThat(read(NOTES, file, "build 1")).isEmpty();
        Files.delete(file);
        assertThat(read(NOTES, file, "build 1")).isEmpty();
    }

    @Test
    void aBodyThatReadsSomethingElseIsAMissNotAnError() throws IOException {
        Path file = tmp.resolve(".site.notes");
        write(NOTES, file, "build 1", new Note("title", "text", 42, List.of()));
        assertThat(NOTES.read(file, "build 1", in -> in.integer())).isEmpty();
    }

    @Test
    void aFileWithAnyByteChangedIsAMiss() throws IOException {
        Path file = tmp.resolve(".site.notes");
        write(NOTES, file, "build 1", new Note("title", "text", 42, List.of("x", "y")));
        byte[] whole = Files.readAllBytes(file);
        for (int at = 0; at < whole.length; at++) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x10;
            Files.write(file, damaged);
            assertThat(read(NOTES, file, "build 1")).as("byte %d changed", at).isEmpty();
        }
    }

    @Test
    void aValueLeftForLaterIsReadOnlyWhenAsked() throws IOException {
        Path file = tmp.resolve(".site.notes");
        NOTES.write(file, "build 1", g -> {
            g.writeStartArray();
            g.writeArray(new int[] {1, 2, 3}, 0, 3);
            g.writeNull();
            g.writeString("after");
            g.writeEndArray();
        });
        record Read(CacheFile.Later ints, boolean none, String after) {}
        Read read = NOTES.read(file, "build 1", in -> {
            in.array();
            Read r = new Read(in.later().orElseThrow(), in.later().isEmpty(), in.string());
            in.end();
            return r;
        }).orElseThrow();
        assertThat(read.none()).isTrue();
        assertThat(read.after()).isEqualTo("after");
        assertThat(read.ints().read(CacheFile.In::ints)).containsExactly(1, 2, 3);
    }
}
