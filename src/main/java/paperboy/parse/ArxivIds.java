package paperboy.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises arXiv identifiers, bare ("2503.10622v2", "hep-th/9901001") or inside a link (arxiv.org/abs/...,
 * arxiv.org/pdf/..., huggingface.co/papers/..., and a saved daily page's own relative /papers/... links). The version is dropped: every version is the same paper.
 */
public final class ArxivIds {
    private static final String ID = "(\\d{4}\\.\\d{4,5}|[a-z][a-z.-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?";
    private static final Pattern BARE = Pattern.compile("(?i)(?:arxiv:)?" + ID);
    private static final Pattern IN_URL = Pattern.compile(
            "(?i)(?:arxiv\\.org/(?:abs|pdf|html)/|huggingface\\.co/papers/|^/papers/)" + ID + "(?:\\.pdf)?(?:[?#/].*)?$");

    private ArxivIds() {}

    /** "2503.10622", "arXiv:2503.10622v1" → "2503.10622". */
    public static Optional<String> bare(String text) {
        Matcher m = BARE.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The id in an arXiv or Hugging Face paper link. */
    public static Optional<String> inUrl(String url) {
        Matcher m = IN_URL.matcher(url.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A bare id or a link to one. */
    public static Optional<String> find(String text) {
        return bare(text).or(() -> inUrl(text));
    }
}
