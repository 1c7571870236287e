package paperboy.render.feed;

import java.util.List;

/**
 * One feed item: one paper, published on the day it was first seen.
 *
 * @param id           stable id and guid: the paper page's absolute URL
 * @param url          the paper page's absolute URL
 * @param title        cleaned title, plain text (the templates escape it)
 * @param summary      cleaned abstract, plain text; empty when the input had none
 * @param summaryHtml  the abstract as an HTML fragment, for RSS readers that treat description as HTML
 * @param categories   theme names, primary first
 * @param rfc822       publication date for RSS
 * @param rfc3339      publication date for Atom and JSON Feed
 */
public record FeedItem(String id, String url, String title, String summary, String summaryHtml,
                       List<String> categories, String rfc822, String rfc3339) {}
