package paperboy.model;

/**
 * An editor's note written in Markdown: on a day (content/notes/YYYY-MM-DD.md) or on a paper
 * (front matter {@code paper: <title or arXiv id>}).
 *
 * @param html   rendered and sanitized HTML, safe to insert into a page as is
 * @param text   the same as plain text, for feeds and e-mail
 * @param source the Markdown file it came from
 * @param title  the note's heading (front matter {@code title}), when it has one
 */
public record Note(String html, String text, SourceRef source, java.util.Optional<String> title) {

    public Note(String html, String text, SourceRef source) {
        this(html, text, source, java.util.Optional.empty());
    }
}
