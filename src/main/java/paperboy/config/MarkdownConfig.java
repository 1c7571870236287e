package paperboy.config;

import java.util.List;

/**
 * The {@code markdown:} section of paperboy.yml.
 *
 * @param safelist which HTML survives in rendered notes and pages, after jsoup's Safelist of that name:
 *                 "basic" (text formatting and links), "basicWithImages", or "relaxed" (adds headings, tables,
 *                 images). Scripts, event handlers and javascript: links never survive any of them.
 */
public record MarkdownConfig(String safelist) {
    public static final List<String> SAFELISTS = List.of("basic", "basicWithImages", "relaxed");

    public static MarkdownConfig defaults() {
        return new MarkdownConfig("relaxed");
    }

    /** This section with every missing key taken from {@link #defaults()}. */
    public MarkdownConfig orDefaults() {
        return new MarkdownConfig(safelist != null ? safelist : defaults().safelist);
    }
}
