package paperboy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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
import paperboy.parse.Problems;

/** Reads paperboy.yml. A missing file means defaults; a bad one is an error with its line. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The file's shape; every key optional. */
    record ConfigFile(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("baseUrl") String baseUrl,
            @JsonProperty("year") Integer year,
            @JsonProperty("timeZone") String timeZone,
            @JsonProperty("recentDays") Integer recentDays,
            @JsonProperty("themes") ThemesConfig themes,
            @JsonProperty("feeds") FeedsConfig feeds,
            @JsonProperty("newsletter") NewsletterConfig newsletter,
            @JsonProperty("markdown") MarkdownConfig markdown) {}

    private ConfigLoader() {}

    /**
     * Reads a tiny config with the same mapper, so Jackson's classes and the config's deserializers are ready
     * (built on another thread at start-up) when {@link #load} reads the real one. Throws nothing useful.
     */
    public static void warmUp() {
        try {
            YAML.readValue("title: warm\n", ConfigFile.class);
        } catch (IOException e) {
            // only a lost head start
        }
    }

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
        ConfigFile f;
        try {
            f = Files.size(file) == 0 ? null : YAML.readValue(file.toFile(), ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            problems.error(keyLine(file, e.getPropertyName()).orElse(at(file, e.getLocation())), "unknown key \"" + e.getPropertyName() + "\"; known keys: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
            return Optional.empty();
        } catch (JsonProcessingException e) {
            problems.error(at(file, e.getLocation()), paperboy.parse.YamlMessages.of(e));
            return Optional.empty();
        } catch (IOException e) {
            problems.error(SourceRef.file(file), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(f == null ? SiteConfig.defaults() : toConfig(file, f, problems));
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
                f.themes() != null ? f.themes().orDefaults() : d.themes(),
                f.feeds() != null ? f.feeds().orDefaults() : d.feeds(),
                f.newsletter() != null ? f.newsletter().orDefaults() : d.newsletter(),
                markdown(file, f.markdown(), problems));
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

    /** Where a key is written: the parser's own location points past it. */
    private static Optional<SourceRef> keyLine(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.stripLeading();
                if (trimmed.startsWith(key + ":")) {
                    return Optional.of(new SourceRef(file, i + 1, line.length() - trimmed.length() + 1));
                }
            }
        } catch (IOException e) {
            // fall back to the parser's location
        }
        return Optional.empty();
    }

    private static SourceRef at(Path file, JsonLocation loc) {
        return loc == null ? SourceRef.file(file) : new SourceRef(file, loc.getLineNr(), loc.getColumnNr());
    }
}
