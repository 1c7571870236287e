package paperboy.send;

import java.util.Map;
import java.util.Optional;

/**
 * Where and how to send. The login comes only from the environment (never from arguments, which other users
 * can see in the process list, and never printed): {@value #USER_ENV} and {@value #PASSWORD_ENV}.
 */
public record SmtpSettings(String host, int port, boolean starttls, Optional<String> user, Optional<String> password,
                           boolean insecureAuth) {
    public static final String USER_ENV = "PAPERBOY_SMTP_USER";
    public static final String PASSWORD_ENV = "PAPERBOY_SMTP_PASSWORD";

    /** Port 465 speaks TLS from the first byte (SMTPS); the others start in plain text and may upgrade. */
    public static final int SMTPS_PORT = 465;

    /**
     * @param insecureAuth send the login even when the connection is not encrypted (otherwise a login requires
     *                     TLS: SMTPS on port 465 or STARTTLS, which is then required)
     */
    public static SmtpSettings of(String host, int port, boolean starttls, boolean insecureAuth, Map<String, String> env) {
        return new SmtpSettings(host, port, starttls, nonBlank(env.get(USER_ENV)), nonBlank(env.get(PASSWORD_ENV)),
                insecureAuth);
    }

    /** TLS from the start of the connection. */
    public boolean smtps() {
        return port == SMTPS_PORT;
    }

    /** STARTTLS must succeed before anything is sent: asked for, or needed to protect the login. */
    public boolean starttlsRequired() {
        return !smtps() && (starttls || (user.isPresent() && !insecureAuth));
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
