package paperboy.parse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import paperboy.model.SourceRef;

/**
 * A title and its abstract as read from one file, whitespace-normalised but otherwise untouched.
 *
 * @param arxivId arXiv identifier without version ("2503.10622") when the input gave one
 * @param authors author names when the input gave them, in their order
 * @param upvotes the paper's popularity on that listing when the input gave it (Hugging Face {@code upvotes})
 */
public record RawEntry(String title, Optional<String> abstractText, SourceRef titleAt, Optional<String> arxivId,
                       List<String> authors, OptionalInt upvotes) {

    public RawEntry {
        authors = List.copyOf(authors);
    }

    /** An entry from a source that carries no popularity. */
    public RawEntry(String title, Optional<String> abstractText, SourceRef titleAt, Optional<String> arxivId,
                    List<String> authors) {
        this(title, abstractText, titleAt, arxivId, authors, OptionalInt.empty());
    }

    /** An entry from a source that knows only titles and abstracts (the text dumps). */
    public RawEntry(String title, Optional<String> abstractText, SourceRef titleAt) {
        this(title, abstractText, titleAt, Optional.empty(), List.of());
    }
}
