package paperboy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import paperboy.model.SourceRef;
import paperboy.source.DecodedText;
import paperboy.problems.Problems;
import paperboy.source.YamlTree;

/** Reads paperboy.yml. A missing file means defaults; a bad one is an error with its line. */
public final class ConfigLoader {
    private static final List<String> KEYS = List.of("title", "description", "baseUrl", "year", "timeZone",
            "recentDays", "themes", "feeds", "newsletter", "markdown", "fetch");

    /** The file's shape; every key optional. */
    record ConfigFile(String title, String description, String baseUrl, Integer year, String timeZone,
                      Integer recentDays, ThemesConfig themes, FeedsConfig feeds, NewsletterConfig newsletter,
                      MarkdownConfig markdown, FetchConfig fetch) {}

    /** Ranges of the numbers in paperboy.yml (checked with the line of the value). */
    public static final int MIN_YEAR = 1900, MAX_YEAR = 2999, MAX_RECENT_DAYS = 3650, MAX_FEED_ITEMS = 10_000,
            MAX_THEMES = 1_000, MAX_FETCH_TIMEOUT = 600, MAX_FETCH_RETRIES = 10;

    private ConfigLoader() {}

    /**
     * @param required true when the user named the file: then a missing file is an error, not defaults
     */
    public static Optional<SiteConfig> load(Path file, boolean required, Problems problems) {
        if (!Files.exists(file)) {
            if (required) {
                problems.error(SourceRef.file(file), "config file not found");
                return Optional.empty();
            }
            return Optional.of(SiteConfig.defaults());
        }
        Optional<String> read = DecodedText.read(file, problems);
        if (read.isEmpty()) return Optional.empty();
        String text = read.get();
        Problems own = new Problems();
        Optional<YamlTree.Node> root = YamlTree.read(file, text, 1, "", own);
        Optional<ConfigFile> f = root.flatMap(r -> read(r, own));
        own.sorted().forEach(problems::add);
        if (own.hasErrors()) return Optional.empty();
        return Optional.of(f.isEmpty() ? SiteConfig.defaults() : toConfig(file, f.get(), problems));
    }

    private static Optional<ConfigFile> read(YamlTree.Node root, Problems problems) {
        if (root instanceof YamlTree.Scalar s && s.text() == null) return Optional.empty();
        if (!(root instanceof YamlTree.Mapping m)) {
            problems.error(root.at(), "expected a mapping (key: value lines) here");
            return Optional.empty();
        }
        YamlTree.onlyKnownKeys(m, KEYS, "key", "", problems);
        return Optional.of(new ConfigFile(
                YamlTree.text(m, "title", problems).orElse(null),
                YamlTree.text(m, "description", problems).orElse(null),
                YamlTree.text(m, "baseUrl", problems).orElse(null),
                boxed(YamlTree.integer(m, "year", MIN_YEAR, MAX_YEAR, problems)),
                YamlTree.text(m, "timeZone", problems).orElse(null),
                boxed(YamlTree.integer(m, "recentDays", 1, MAX_RECENT_DAYS, problems)),
                section(m, "themes", List.of("mode", "minThemes", "maxThemes", "embeddings"), problems).map(t -> new ThemesConfig(
                        YamlTree.text(t, "mode", problems).orElse(null),
                        boxed(YamlTree.integer(t, "minThemes", 1, MAX_THEMES, problems)),
                        boxed(YamlTree.integer(t, "maxThemes", 1, MAX_THEMES, problems)),
                        YamlTree.text(t, "embeddings", problems).orElse(null))).orElse(null),
                section(m, "feeds", List.of("maxItems", "themeItems", "weeklyItems", "timeOfDay"), problems).map(t -> new FeedsConfig(
                        boxed(YamlTree.integer(t, "maxItems", 1, MAX_FEED_ITEMS, problems)),
                        boxed(YamlTree.integer(t, "themeItems", 1, MAX_FEED_ITEMS, problems)),
                        boxed(YamlTree.integer(t, "weeklyItems", 1, MAX_FEED_ITEMS, problems)),
                        timeOfDay(t, problems))).orElse(null),
                section(m, "newsletter", List.of("from", "to", "unsubscribeUrl"), problems).map(t -> new NewsletterConfig(
                        address(t, "from", false, problems).orElse(null),
                        address(t, "to", true, problems).orElse(null),
                        unsubscribeUrl(t, problems).orElse(null))).orElse(null),
                section(m, "markdown", List.of("safelist"), problems).map(t -> new MarkdownConfig(
                        YamlTree.text(t, "safelist", problems).orElse(null))).orElse(null),
                section(m, "fetch", List.of("url", "timeoutSeconds", "retries"), problems).map(t -> new FetchConfig(
                        fetchUrl(t, problems).orElse(null),
                        boxed(YamlTree.integer(t, "timeoutSeconds", 1, MAX_FETCH_TIMEOUT, problems)),
                        boxed(YamlTree.integer(t, "retries", 0, MAX_FETCH_RETRIES, problems)))).orElse(null)));
    }

    /**
     * The unsubscribe link goes into every e-mail's footer and its List-Unsubscribe header: a web page (https)
     * or an address (mailto) only, never a script.
     */
    private static Optional<String> unsubscribeUrl(YamlTree.Mapping m, Problems problems) {
        Optional<String> url = YamlTree.text(m, "unsubscribeUrl", problems);
        if (url.isEmpty() || url.get().isBlank()) return url;
        String u = url.get().strip();
        String scheme = u.contains(":") ? u.substring(0, u.indexOf(':')).toLowerCase(java.util.Locale.ROOT) : "";
        boolean ok = scheme.equals("mailto") ? u.length() > 7 : scheme.equals("https") && parseBaseUrl(u).isPresent();
        if (!ok) {
            problems.error(m.entries().get("unsubscribeUrl").at(), "unsubscribeUrl: \"" + u
                    + "\" must be an https: link or a mailto: address");
            return Optional.empty();
        }
        return Optional.of(u);
    }

    /**
     * {@code newsletter.from} (one address) or {@code newsletter.to} (one or more, comma-separated) checked as the
     * e-mail editions will read them, so a typo is an error at its line, not a failure while writing the editions.
     */
    private static Optional<String> address(YamlTree.Mapping m, String key, boolean several, Problems problems) {
        Optional<String> text = YamlTree.text(m, key, problems);
        if (text.isEmpty()) return text;
        String a = text.get().strip();
        String why;
        try {
            jakarta.mail.internet.InternetAddress[] parsed = jakarta.mail.internet.InternetAddress.parse(a, true);
            if (parsed.length == 0) {
                why = "is empty";
            } else if (parsed.length > 1 && !several) {
                why = "holds " + parsed.length + " addresses; the sender is one";
            } else if (java.util.Arrays.stream(parsed).anyMatch(p -> p.isGroup() || p.getAddress().indexOf('@') < 1)) {
                why = "is not an e-mail address";
            } else {
                return Optional.of(a);
            }
        } catch (jakarta.mail.internet.AddressException e) {
            why = "is not an e-mail address (" + e.getMessage().replaceAll("\\s*in string ``.*$", "") + ")";
        }
        problems.error(m.entries().get(key).at(), "newsletter." + key + ": \"" + a + "\" " + why
                + "; write it as name@example.org or Name <name@example.org>");
        return Optional.empty();
    }

    /** {@code fetch: url:} must be an absolute http(s) address once {@code {date}} is filled in. */
    private static Optional<String> fetchUrl(YamlTree.Mapping m, Problems problems) {
        Optional<String> url = YamlTree.text(m, "url", problems);
        if (url.isEmpty() || url.get().isBlank()) return url;
        String u = url.get().strip();
        try {
            URI uri = new URI(u.replace("{date}", "2025-03-14"));
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (http && uri.getHost() != null) return Optional.of(u);
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.error(m.entries().get("url").at(), "fetch.url: \"" + u + "\" is not an absolute http(s) URL"
                + " (e.g. " + FetchConfig.DEFAULT_URL + ")");
        return Optional.empty();
    }

    /** {@code feeds: timeOfDay: "06:00"} as a time; another text is an error at its line. */
    private static java.time.LocalTime timeOfDay(YamlTree.Mapping feeds, Problems problems) {
        Optional<String> text = YamlTree.text(feeds, "timeOfDay", problems);
        if (text.isEmpty()) return null;
        try {
            return java.time.LocalTime.parse(text.get().strip());
        } catch (java.time.DateTimeException e) {
            problems.error(feeds.keys().get("timeOfDay"), "feeds.timeOfDay \"" + text.get()
                    + "\" is not a time of day as HH:MM (e.g. \"06:00\")");
            return null;
        }
    }

    private static Optional<YamlTree.Mapping> section(YamlTree.Mapping m, String key, List<String> keys, Problems problems) {
        Optional<YamlTree.Mapping> section = YamlTree.mapping(m, key, problems);
        section.ifPresent(s -> YamlTree.onlyKnownKeys(s, keys, "key", key + ".", problems));
        return section;
    }

    private static Integer boxed(OptionalInt i) {
        return i.isPresent() ? i.getAsInt() : null;
    }

    private static SiteConfig toConfig(Path file, ConfigFile f, Problems problems) {
        SiteConfig d = SiteConfig.defaults();
        ZoneId zone = d.timeZone();
        if (f.timeZone() != null) {
            try {
                zone = ZoneId.of(f.timeZone());
            } catch (DateTimeException e) {
                problems.error(SourceRef.file(file), "timeZone: \"" + f.timeZone() + "\" is not a time zone (e.g. UTC, Europe/Berlin)");
            }
        }
        Optional<URI> base = Optional.empty();
        if (f.baseUrl() != null && !f.baseUrl().isBlank()) {
            base = parseBaseUrl(f.baseUrl()).or(() -> {
                problems.error(SourceRef.file(file), "baseUrl: \"" + f.baseUrl() + "\" is not an absolute http(s) URL");
                return Optional.empty();
            });
        }
        return new SiteConfig(
                f.title() != null ? f.title() : d.title(),
                f.description() != null ? f.description() : d.description(),
                base,
                f.year() != null ? OptionalInt.of(f.year()) : d.year(),
                zone,
                f.recentDays() != null ? f.recentDays() : d.recentDays(),
                themes(file, f.themes(), problems),
                f.feeds() != null ? f.feeds().orDefaults() : d.feeds(),
                f.newsletter() != null ? f.newsletter().orDefaults() : d.newsletter(),
                markdown(file, f.markdown(), problems),
                f.fetch() != null ? f.fetch().orDefaults() : FetchConfig.defaults());
    }

    private static ThemesConfig themes(Path file, ThemesConfig t, Problems problems) {
        ThemesConfig c = t != null ? t.orDefaults() : ThemesConfig.defaults();
        if (c.embeddingsOn().isEmpty()) {
            problems.error(SourceRef.file(file), "themes.embeddings: \"" + c.embeddings() + "\" is not on or off");
            return ThemesConfig.defaults();
        }
        return c;
    }

    private static MarkdownConfig markdown(Path file, MarkdownConfig m, Problems problems) {
        MarkdownConfig md = m != null ? m.orDefaults() : MarkdownConfig.defaults();
        boolean known = MarkdownConfig.SAFELISTS.stream().anyMatch(n -> n.equalsIgnoreCase(md.safelist()));
        if (!known) {
            problems.error(SourceRef.file(file), "markdown.safelist: \"" + md.safelist() + "\" is not one of "
                    + String.join(", ", MarkdownConfig.SAFELISTS));
            return MarkdownConfig.defaults();
        }
        return md;
    }

    /** An absolute http(s) URL, normalised to end in "/" so relative paths resolve under it. */
    public static Optional<URI> parseBaseUrl(String text) {
        try {
            URI u = new URI(text.endsWith("/") ? text : text + "/");
            boolean http = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
            return http && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
