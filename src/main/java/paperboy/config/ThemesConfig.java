package paperboy.config;

/**
 * The {@code themes:} section of paperboy.yml.
 *
 * @param mode      "auto" (clustering only), "curated" (content/themes.yml first, clustering for the rest), or "off"
 * @param minThemes fewest automatic themes to consider
 * @param maxThemes most automatic themes to consider
 */
public record ThemesConfig(String mode, Integer minThemes, Integer maxThemes) {

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
