package paperboy.config;

/**
 * The {@code newsletter:} section of paperboy.yml.
 *
 * @param from           sender address, e.g. "Paper Digest &lt;digest@example.org&gt;"
 * @param to             default recipient for the .eml and for send
 * @param unsubscribeUrl link in the footer and in the List-Unsubscribe header
 */
public record NewsletterConfig(String from, String to, String unsubscribeUrl) {

    public static NewsletterConfig defaults() {
        return new NewsletterConfig("Paper Digest <digest@example.org>", "reader@example.org", null);
    }

    public NewsletterConfig orDefaults() {
        NewsletterConfig d = defaults();
        return new NewsletterConfig(from != null ? from : d.from, to != null ? to : d.to,
                unsubscribeUrl != null ? unsubscribeUrl : d.unsubscribeUrl);
    }
}
