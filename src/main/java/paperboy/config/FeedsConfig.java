package paperboy.config;

/**
 * The {@code feeds:} section of paperboy.yml.
 *
 * @param maxItems most items in one feed, newest first
 */
public record FeedsConfig(Integer maxItems) {

    public static FeedsConfig defaults() {
        return new FeedsConfig(200);
    }

    public FeedsConfig orDefaults() {
        return new FeedsConfig(maxItems != null ? maxItems : defaults().maxItems);
    }
}
