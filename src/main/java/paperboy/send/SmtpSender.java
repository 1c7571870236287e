package paperboy.send;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends a message by SMTP with Jakarta Mail. */
public final class SmtpSender {
    /** Give up on an unreachable or silent server after this long instead of hanging. */
    private static final String TIMEOUT_MS = "20000";

    private final SmtpSettings settings;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
    }

    /** The session to build the message in, so it is sent with these settings. */
    public Session session() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MS);
        if (settings.smtps()) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        } else {
            // STARTTLS whenever the server offers it; required when asked for or when a login would go in clear.
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttlsRequired()));
        }
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        return Session.getInstance(p);
    }

    /** @throws SendFailed with one line a user can act on */
    public void send(MimeMessage message) throws SendFailed {
        try {
            if (settings.user().isPresent()) {
                Transport.send(message, settings.user().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (AuthenticationFailedException e) {
            throw new SendFailed("SMTP server " + settings.host() + ":" + settings.port() + " rejected the login; check "
                    + SmtpSettings.USER_ENV + " and " + SmtpSettings.PASSWORD_ENV, e);
        } catch (MessagingException e) {
            if (String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
                throw new SendFailed("SMTP server " + settings.host() + ":" + settings.port() + " does not offer STARTTLS"
                        + (settings.starttls() ? "" : ", and the login must not be sent unencrypted")
                        + "; use a port with TLS (587 with STARTTLS, or 465)"
                        + (settings.starttls() ? "" : ", or add --insecure-auth to send it in plain text anyway"), e);
            }
            throw new SendFailed("cannot send via SMTP server " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        // UnknownHostException's message is just the host name, which the line already shows.
        if (t instanceof java.net.UnknownHostException) return "unknown host";
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    /** Sending failed; the message is one line for the user. */
    public static final class SendFailed extends Exception {
        public SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
