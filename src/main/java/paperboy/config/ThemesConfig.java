package paperboy.config;

/**
 * The {@code themes:} section of paperboy.yml.
 *
 * @param mode      "auto" (clustering only), "curated" (content/themes.yml first, clustering for the rest), or "off"
 * @param minThemes fewest automatic themes to consider
 * @param maxThemes most automatic themes to consider
 */
public record ThemesConfig(String mode, Integer minThemes, Integer maxThemes) {

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
        return new ThemesConfig("curated", 4, 24);
    }

    /** This section with every missing key taken from {@link #defaults()}. */
    public ThemesConfig orDefaults() {
        ThemesConfig d = defaults();
        return new ThemesConfig(mode != null ? mode : d.mode, minThemes != null ? minThemes : d.minThemes,
                maxThemes != null ? maxThemes : d.maxThemes);
    }
}
