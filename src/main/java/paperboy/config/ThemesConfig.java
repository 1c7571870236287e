package paperboy.config;

/**
 * The {@code themes:} section of paperboy.yml.
 *
 * @param mode      "auto" (clustering only), "curated" (content/themes.yml first, clustering for the rest), or "off"
 * @param minThemes fewest automatic themes to consider
 * @param maxThemes most automatic themes to consider
 * @param embeddings "on": papers are compared by sentence embeddings as well as their words; "off" (default): by
 *                   their words alone (TF-IDF), without loading the model (embedding costs about 17 ms of CPU per
 *                   paper once, which a ten-year archive's first build could not afford)
 */
public record ThemesConfig(String mode, Integer minThemes, Integer maxThemes, String embeddings) {

    public ThemesConfig(String mode, Integer minThemes, Integer maxThemes) {
        this(mode, minThemes, maxThemes, null);
    }

    /** Whether {@link #embeddings} says on (true, yes) or off (false, no); empty when it says neither. */
    public java.util.Optional<Boolean> embeddingsOn() {
        String e = embeddings == null ? "off" : embeddings.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (e) {
            case "on", "true", "yes" -> java.util.Optional.of(true);
            case "off", "false", "no" -> java.util.Optional.of(false);
            default -> java.util.Optional.empty();
        };
    }

    /** How a build assigns themes. */
    public enum Mode {
        /** clustering only */
        AUTO,
        /** content/themes.yml first, clustering for the papers it does not claim */
        CURATED,
        /** no themes */
        OFF;

        /** The mode a user wrote ("auto", "Curated"...), or empty when it names none. */
        public static java.util.Optional<Mode> parse(String text) {
            for (Mode m : values()) {
                if (m.toString().equalsIgnoreCase(text)) return java.util.Optional.of(m);
            }
            return java.util.Optional.empty();
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ThemesConfig defaults() {
        return new ThemesConfig("curated", 4, 24, "off");
    }

    /** This section with every missing key taken from {@link #defaults()}. */
    public ThemesConfig orDefaults() {
        ThemesConfig d = defaults();
        return new ThemesConfig(mode != null ? mode : d.mode, minThemes != null ? minThemes : d.minThemes,
                maxThemes != null ? maxThemes : d.maxThemes, embeddings != null ? embeddings : d.embeddings);
    }
}
