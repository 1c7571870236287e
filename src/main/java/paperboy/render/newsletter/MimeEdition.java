package paperboy.render.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import paperboy.config.SiteConfig;
import paperboy.render.RenderException;
import paperboy.render.feed.FeedDates;
import paperboy.render.view.EditionPage;

/**
 * The e-mail edition as a MIME message: multipart/alternative with the text part first and the HTML part
 * last (the one clients prefer), UTF-8 throughout, built with Jakarta Mail.
 *
 * <p>Deterministic, so the {@code .eml} in the site is byte-identical for the same input: the Date header is
 * midnight of the day in the configured zone (not the clock), the Message-ID is derived from the day and the
 * base URL, and the MIME boundary from a hash of the content (Jakarta Mail would otherwise put the time and a
 * counter in both).
 */
public final class MimeEdition {
    private MimeEdition() {}

    /**
     * Everything that goes into the message; the html and the text as UTF-8, what the site's files and the
     * message hold (an edition is made as bytes and never needs them as strings).
     */
    public record Parts(EditionPage page, byte[] html, byte[] text, LocalDate date) {}

    /**
     * @param to recipients; the config's newsletter.to when empty
     */
    public static MimeMessage message(Parts parts, SiteConfig config, URI base, List<String> to, Session session) {
        try {
            MimeMessage m = new FixedIdMessage(session, messageId(parts.page().iso(), base));
            m.setFrom(InternetAddress.parse(config.newsletter().from(), true)[0]);
            List<String> recipients = to.isEmpty() ? List.of(config.newsletter().to()) : to;
            for (String r : recipients) m.addRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(r, true));
            m.setSubject(parts.page().subject(), "UTF-8");
            m.setHeader("Date", new FeedDates(config.timeZone()).rfc822(parts.date()));
            if (parts.page().unsubscribeUrl() != null) {
                m.setHeader("List-Unsubscribe", "<" + parts.page().unsubscribeUrl() + ">");
            }
            MimeBodyPart text = textPart(parts.text(), "plain");
            MimeBodyPart html = textPart(parts.html(), "html");
            MimeMultipart alt = new FixedBoundaryMultipart("alternative", boundary(parts));
            alt.addBodyPart(text);
            alt.addBodyPart(html);
            m.setContent(alt);
            m.saveChanges();
            return m;
        } catch (AddressException e) {
            throw new RenderException("newsletter: bad e-mail address \"" + e.getRef() + "\": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new RenderException("newsletter: cannot build the message: " + e.getMessage(), e);
        }
    }

    /**
     * A UTF-8 text part. When Jakarta Mail would encode it as quoted-printable (an edition always has a "·") the
     * part is made from the bytes {@link QuotedPrintable} encodes, which Jakarta Mail writes as they are: the same
     * message, without its two passes over the text a byte at a time.
     */
    static MimeBodyPart textPart(byte[] utf8, String subtype) throws MessagingException {
        if (QuotedPrintable.chosenFor(utf8)) {
            InternetHeaders headers = new InternetHeaders();
            headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
            headers.setHeader("Content-Transfer-Encoding", "quoted-printable");
            return new MimeBodyPart(headers, QuotedPrintable.encode(utf8));
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setText(new String(utf8, StandardCharsets.UTF_8), "UTF-8", subtype);
        return part;
    }

    /** A session for building messages only; sending makes its own with the SMTP settings. */
    public static Session offlineSession() {
        return Session.getInstance(new Properties());
    }

    public static byte[] bytes(MimeMessage m) {
        try {
            Bytes out = new Bytes(64 * 1024);
            m.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new RenderException("newsletter: cannot write the message: " + e.getMessage(), e);
        }
    }

    /** {@code <2025-03-14.1a2b3c4d@example.org>}: the day (or week), a hash of the whole base URL, and its host. */
    static String messageId(String date, URI base) {
        return "<" + date + "." + sha256(base.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8) + "@" + base.getHost() + ">";
    }

    /** "=_" cannot occur in quoted-printable or base64 text, and the hash makes a clash in 7-bit text hopeless. */
    static String boundary(Parts p) {
        // the bytes of text + NUL + html as one string, without making it
        return "=_paperboy_" + sha256(p.text(), new byte[1], p.html()).substring(0, 32);
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) sha.update(part);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * A {@link java.io.ByteArrayOutputStream} without its locking: Jakarta Mail's quoted-printable encoder writes the
     * message a byte at a time, and an uncontended lock per byte was a good part of making an edition.
     */
    private static final class Bytes extends java.io.OutputStream {
        private byte[] buf;
        private int len;

        Bytes(int capacity) {
            buf = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) {
            if (len + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }

    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    private static final class FixedBoundaryMultipart extends MimeMultipart {
        FixedBoundaryMultipart(String subtype, String boundary) {
            super(subtype);
            contentType = "multipart/" + subtype + "; boundary=\"" + boundary + "\"";
        }
    }
}
