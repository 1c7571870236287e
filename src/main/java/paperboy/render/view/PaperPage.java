package paperboy.render.view;

import java.util.List;

/**
 * A paper page.
 *
 * @param days         every day it was listed, first-seen first
 * @param alsoListedOn the days after the first
 * @param arxivId      null when unknown
 * @param noteHtml     the editor's note on the paper (rendered, sanitized Markdown), or null
 * @param noteTitle    the note's own heading, or null
 * @param abstractHtml the abstract as escaped HTML with its web addresses as links
 * @param links        the way to the paper: arXiv, PDF, Hugging Face, or searches that find it
 * @param upvotes      its upvotes (the latest listing's count), or null where the inputs carry none
 */
public record PaperPage(PageMeta meta, String title, String abstractText, DayRef firstSeen, List<DayRef> days,
                        List<DayRef> alsoListedOn, int titleVariants, int abstractVariants, List<ThemeRef> themes,
                        List<PaperRef> related, String arxivId, List<String> authors, String noteHtml,
                        String noteTitle, String abstractHtml, List<PaperLink> links, Integer upvotes) {

    public boolean findsBySearch() {
        return arxivId == null;
    }
}
