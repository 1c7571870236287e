package paperboy.render.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The editions' text parts are encoded without Jakarta Mail, into the very bytes Jakarta Mail writes. */
class QuotedPrintableTest {

    /** Texts that reach every rule: spaces before line ends and at the end, CR, LF, CRLF, "=", tabs, long lines. */
    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("", " ", "a ", "·", "· ", "x =\n", "tab\there ·\n",
                "line ·  \r\nnext\rthird\n\nend ", "=".repeat(200), "·".repeat(40) + "a".repeat(80),
                "a".repeat(74) + " \n" + "b".repeat(73) + "= ·", "a".repeat(1200), "a".repeat(1200) + "\n·",
                "ééé", "ab·", "\u0000 control \u0007 ·", "emoji 😀 and a lone \ud800 surrogate ·"));
        String alphabet = "aaaaaaaaaaaaaa   \n\r\t=·é—😀.<>\"";
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(600);
            for (int k = 0; k < len; k++) sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            texts.add(sb.toString());
        }
        return texts;
    }

    @Test
    void choosesQuotedPrintableExactlyWhenJakartaMailDoes() {
        for (String text : texts()) {
            String jakarta = MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8"));
            assertThat(QuotedPrintable.chosenFor(text.getBytes(StandardCharsets.UTF_8)))
                    .as("%s for %s", jakarta, text).isEqualTo(jakarta.equals("quoted-printable"));
        }
    }

    @Test
    void encodesByteForByteAsJakartaMail() throws Exception {
        for (String text : texts()) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            OutputStream qp = MimeUtility.encode(expected, "quoted-printable");
            OutputStreamWriter w = new OutputStreamWriter(qp, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
            qp.flush();
            assertThat(new String(QuotedPrintable.encode(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1))
                    .as(text).isEqualTo(expected.toString(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aMessageWithTheEncodedPartsIsTheMessageJakartaMailWrites() throws Exception {
        for (String text : texts().subList(0, 60)) {
            assertThat(message(MimeEdition.textPart(utf8(text), "plain"), MimeEdition.textPart(utf8("<p>" + text), "html")))
                    .as(text).isEqualTo(message(jakarta(text, "plain"), jakarta("<p>" + text, "html")));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MimeBodyPart jakarta(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static String message(MimeBodyPart text, MimeBodyPart html) throws Exception {
        MimeMessage m = new MimeMessage(MimeEdition.offlineSession());
        m.setSubject("Test · subject", "UTF-8");
        m.setHeader("Date", "Tue, 01 Mar 2016 00:00:00 +0000");
        MimeMultipart alt = new MimeMultipart("alternative");
        alt.addBodyPart(text);
        alt.addBodyPart(html);
        m.setContent(alt);
        m.saveChanges();
        m.removeHeader("Message-ID");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        // the boundary holds a counter and the time; everything else must match
        return out.toString(StandardCharsets.ISO_8859_1).replaceAll("----=_Part_[0-9_.]+", "BOUNDARY")
                .replaceAll("boundary=\"[^\"]+\"", "boundary");
    }
}
