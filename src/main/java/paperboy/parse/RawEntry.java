package paperboy.parse;

import java.util.Optional;
import paperboy.model.SourceRef;

/** A title and its abstract as read from one file, whitespace-normalised but otherwise untouched. */
public record RawEntry(String title, Optional<String> abstractText, SourceRef titleAt) {}
