package paperboy.render.view;

import java.util.List;

/**
 * One listing on a day page or the home page.
 *
 * @param anchor       id of the listing on the day page, so cross-links land on it
 * @param abstractText cleaned abstract, empty when the input had none
 * @param earlierDays  days it was listed before; empty means new today
 * @param snippet      the start of the abstract, one line under the title; empty without an abstract
 * @param abstractHtml the abstract as escaped HTML with its web addresses as links
 * @param links        the way to the paper: arXiv, PDF, Hugging Face, or searches that find it
 * @param upvotes      the upvotes this day's listing gave (so an older day keeps its page), or null without any
 */
public record ListingView(int position, String anchor, String title, String href, String abstractText,
                          boolean newToday, List<DayRef> earlierDays, List<ThemeRef> themes, String snippet,
                          String abstractHtml, List<PaperLink> links, Integer upvotes) {}
