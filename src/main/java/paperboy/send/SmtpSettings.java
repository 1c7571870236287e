package paperboy.send;

import java.util.Map;
import java.util.Optional;

/**
 * Where and how to send. The login comes only from the environment (never from arguments, which other users
 * can see in the process list, and never printed): {@value #USER_ENV} and {@value #PASSWORD_ENV}.
 */
public record SmtpSettings(String host, int port, boolean starttls, Optional<String> user, Optional<String> password) {
    public static final String USER_ENV = "PAPERBOY_SMTP_USER";
    public static final String PASSWORD_ENV = "PAPERBOY_SMTP_PASSWORD";

    public static SmtpSettings of(String host, int port, boolean starttls, Map<String, String> env) {
        return new SmtpSettings(host, port, starttls, nonBlank(env.get(USER_ENV)), nonBlank(env.get(PASSWORD_ENV)));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return host + ":" + port + (starttls ? " (STARTTLS)" : "") + user.map(u -> " as " + u).orElse("");
    }
}
