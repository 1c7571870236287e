package paperboy.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings of one build, from paperboy.yml with command-line options applied on top. Passed explicitly to
 * the stages that need it; there is no global configuration.
 *
 * @param title       site title, shown on every page
 * @param description one line about the site, for meta tags and feeds
 * @param baseUrl     absolute URL the site is published under, ending in "/"; needed for feeds and canonical links
 * @param year        year for date lines that do not give one
 * @param timeZone    zone for feed and e-mail dates
 * @param recentDays  how many recent days the home page links to
 * @param themes      the themes: section
 * @param feeds       the feeds: section
 * @param newsletter  the newsletter: section
 * @param markdown    the markdown: section (notes and pages)
 * @param fetch       the fetch: section (where {@code paperboy fetch} gets a day's listing)
 */
public record SiteConfig(String title, String description, Optional<URI> baseUrl, OptionalInt year,
                         ZoneId timeZone, int recentDays, ThemesConfig themes, FeedsConfig feeds,
                         NewsletterConfig newsletter, MarkdownConfig markdown, FetchConfig fetch) {

    /** Settings with the default fetch: section. */
    public SiteConfig(String title, String description, Optional<URI> baseUrl, OptionalInt year, ZoneId timeZone,
                      int recentDays, ThemesConfig themes, FeedsConfig feeds, NewsletterConfig newsletter,
                      MarkdownConfig markdown) {
        this(title, description, baseUrl, year, timeZone, recentDays, themes, feeds, newsletter, markdown,
                FetchConfig.defaults());
    }


    public static SiteConfig defaults() {
        return new SiteConfig("Paper Digest", "New research papers, day by day.", Optional.empty(),
                OptionalInt.empty(), ZoneId.of("UTC"), 14, ThemesConfig.defaults(), FeedsConfig.defaults(),
                NewsletterConfig.defaults(), MarkdownConfig.defaults());
    }

    public SiteConfig withYear(int y) {
        return new SiteConfig(title, description, baseUrl, OptionalInt.of(y), timeZone, recentDays, themes, feeds,
                newsletter, markdown, fetch);
    }

    public SiteConfig withBaseUrl(URI url) {
        return new SiteConfig(title, description, Optional.of(url), year, timeZone, recentDays, themes, feeds,
                newsletter, markdown, fetch);
    }

    /** The same settings for a site published nowhere in particular: no feeds, sitemap or canonical links. */
    public SiteConfig withoutBaseUrl() {
        return new SiteConfig(title, description, Optional.empty(), year, timeZone, recentDays, themes, feeds,
                newsletter, markdown, fetch);
    }

    public SiteConfig withThemes(ThemesConfig t) {
        return new SiteConfig(title, description, baseUrl, year, timeZone, recentDays, t, feeds, newsletter,
                markdown, fetch);
    }

    public SiteConfig withFeeds(FeedsConfig f) {
        return new SiteConfig(title, description, baseUrl, year, timeZone, recentDays, themes, f, newsletter,
                markdown);
    }

    public SiteConfig withMarkdown(MarkdownConfig m) {
        return new SiteConfig(title, description, baseUrl, year, timeZone, recentDays, themes, feeds, newsletter, m, fetch);
    }
}
