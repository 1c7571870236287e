package paperboy.fetch;

import java.net.URI;
import java.time.LocalDate;

/**
 * Where a day's listing is fetched from: an address in which {@code {date}} stands for the day (YYYY-MM-DD);
 * an address without it gets {@code date=YYYY-MM-DD} added to its query, the way the Hugging Face API takes it.
 */
public record ListingSource(String template) {
    public static final String DATE = "{date}";

    public URI forDay(LocalDate day) {
        String d = day.toString();
        if (template.contains(DATE)) return URI.create(template.replace(DATE, d));
        int hash = template.indexOf('#');
        String base = hash >= 0 ? template.substring(0, hash) : template;
        return URI.create(base + (base.contains("?") ? "&" : "?") + "date=" + d);
    }
}
