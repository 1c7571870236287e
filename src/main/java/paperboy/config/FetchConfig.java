package paperboy.config;

/**
 * The {@code fetch:} section of paperboy.yml: where {@code paperboy fetch} gets a day's listing.
 *
 * @param url            the listing's address; {@code {date}} is replaced by the day (YYYY-MM-DD), and an address
 *                       without it gets {@code date=YYYY-MM-DD} added to its query. A mirror or a test server
 *                       works as well as the Hugging Face API.
 * @param timeoutSeconds how long one request may take, connecting and reading the whole answer
 * @param retries        how many times a failed request (no connection, timeout, HTTP 429 or 5xx) is tried again,
 *                       waiting 1, 2, 4 ... seconds in between
 */
public record FetchConfig(String url, Integer timeoutSeconds, Integer retries) {
    /** The Hugging Face daily papers API; {@code limit=100} because its default page is shorter than a busy day. */
    public static final String DEFAULT_URL = "https://huggingface.co/api/daily_papers?date={date}&limit=100";

    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_URL, 30, 3);
    }

    /** This section with every missing key taken from {@link #defaults()}. */
    public FetchConfig orDefaults() {
        FetchConfig d = defaults();
        return new FetchConfig(url != null && !url.isBlank() ? url.strip() : d.url,
                timeoutSeconds != null ? timeoutSeconds : d.timeoutSeconds, retries != null ? retries : d.retries);
    }
}
