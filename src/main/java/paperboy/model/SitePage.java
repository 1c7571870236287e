package paperboy.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A stand-alone page from content/pages/*.md, built at {@code <slug>/index.html} and linked from the navigation.
 *
 * @param html   rendered and sanitized HTML of the body
 * @param source the Markdown file it came from
 */
public record SitePage(String slug, String title, String description, Optional<LocalDate> date, String html,
                       SourceRef source) {

    /** Where the page is written in the built site. */
    public String path() {
        return slug + "/index.html";
    }
}
