package paperboy.render.view;

/**
 * A link out of the site towards a paper: its arXiv abstract, PDF or Hugging Face page, or, without an arXiv
 * id, a search that finds it.
 *
 * @param label  what the link shows ("arXiv", "PDF", "Hugging Face", "Search arXiv", ...)
 * @param href   absolute URL
 * @param search true when the link is a search (the paper's own page is not known)
 */
public record PaperLink(String label, String href, boolean search) {}
