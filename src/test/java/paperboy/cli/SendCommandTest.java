package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code paperboy send} end to end against an in-process SMTP server. */
class SendCommandTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("digest@example.org", "digest", "s3cret"));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private String port() {
        return Integer.toString(greenMail.getSmtp().getPort());
    }

    @Test
    void sendsTheDaysEditionWithBothPartsAndAbsoluteLinks() throws Exception {
        int code = run("send", "--date", "2025-03-14", "--to", "alice@example.com,bob@example.com",
                "--smtp-host", "127.0.0.1", "--smtp-port", port());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sent \"Paper Digest — Mar 14: 54 papers (47 new)\" to alice@example.com, bob@example.com");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2); // one message per recipient: nobody sees the other addresses
        assertThat(received[0].getAllRecipients()).hasSize(1);
        assertThat(received[1].getAllRecipients()).hasSize(1);
        assertThat(List.of(received[0].getAllRecipients()[0].toString(), received[1].getAllRecipients()[0].toString()))
                .containsExactlyInAnyOrder("alice@example.com", "bob@example.com");
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Paper Digest — Mar 14: 54 papers (47 new)");
        assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://example.org/digest/unsubscribe>");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        assertThat(mp.getContentType()).startsWith("multipart/alternative");
        assertThat(mp.getCount()).isEqualTo(2);
        assertThat(mp.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) mp.getBodyPart(0).getContent()).contains("54 papers, 47 new")
                .contains("https://example.org/digest/papers/");
        assertThat(mp.getBodyPart(1).isMimeType("text/html")).isTrue();
        var html = Jsoup.parse((String) mp.getBodyPart(1).getContent());
        // Links into the site are absolute; the rest lead to the paper (arXiv, Hugging Face).
        assertThat(html.select("a[href]")).isNotEmpty().allSatisfy(a -> assertThat(a.attr("href"))
                .matches("https://(example\\.org/digest/|arxiv\\.org/|huggingface\\.co/).*"));
    }

    @Test
    void logsInWithCredentialsFromTheEnvironmentOnly() throws Exception {
        SendCommand cmd = new SendCommand();
        cmd.env = Map.of("PAPERBOY_SMTP_USER", "digest", "PAPERBOY_SMTP_PASSWORD", "s3cret");
        // the test server offers no STARTTLS: a login in plain text only when asked for
        int code = new CommandLine(cmd).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("--to", "carol@example.com", "--smtp-host", "127.0.0.1", "--smtp-port", port(), "--insecure-auth");
        assertThat(code).as(err.toString()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).startsWith("Paper Digest — Aug 20:");
        assertThat(out.toString() + err).doesNotContain("s3cret");
    }

    @Test
    void aWrongPasswordIsOneClearLineAndNeverPrinted() {
        SendCommand cmd = new SendCommand();
        cmd.env = Map.of("PAPERBOY_SMTP_USER", "digest", "PAPERBOY_SMTP_PASSWORD", "wrong-secret");
        int code = new CommandLine(cmd).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("--to", "carol@example.com", "--smtp-host", "127.0.0.1", "--smtp-port", port(), "--insecure-auth");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .contains("rejected the login").contains("PAPERBOY_SMTP_PASSWORD");
        assertThat(out.toString() + err).doesNotContain("wrong-secret");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void connectionFailureIsOneClearLineAndExitNotZero() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        int code = run("send", "--to", "alice@example.com", "--smtp-host", "127.0.0.1", "--smtp-port",
                Integer.toString(closedPort));
        assertThat(code).isNotZero();
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("error: cannot send via SMTP server 127.0.0.1:" + closedPort + ": ")
                .containsIgnoringCase("refused");
    }

    @Test
    void anUnknownHostIsSaidSo() {
        // .invalid is reserved (RFC 2606): it never resolves.
        int code = run("send", "--to", "alice@example.com", "--smtp-host", "no-such-host.invalid");
        assertThat(code).isNotZero();
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .isEqualTo("error: cannot send via SMTP server no-such-host.invalid:25: unknown host");
    }

    @Test
    void toIsRequiredAndAnUnknownDayIsAnError() {
        assertThat(run("send", "--smtp-port", port())).isNotZero(); // a usage error
        assertThat(err.toString()).contains("--to");
        assertThat(run("send", "--to", "a@example.com", "--date", "2025-03-12", "--smtp-port", port()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--date 2025-03-12: no listings that day; days with listings: 2025-03-11, 2025-03-13");
    }

    @Test
    void aLoginIsNeverSentInPlainTextUnlessAskedFor() {
        SendCommand cmd = new SendCommand();
        cmd.env = Map.of("PAPERBOY_SMTP_USER", "digest", "PAPERBOY_SMTP_PASSWORD", "s3cret");
        int code = new CommandLine(cmd).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("--to", "carol@example.com", "--smtp-host", "127.0.0.1", "--smtp-port", port());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .contains("does not offer STARTTLS").contains("--insecure-auth");
        assertThat(out.toString() + err).doesNotContain("s3cret");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void everyAddressIsCheckedBeforeTheFirstMessage() {
        for (String to : List.of(",", "a@example.com,,b@example.com", "a@example.com,not an address", "ü@exämple.org")) {
            err.getBuffer().setLength(0);
            int code = run("send", "--to", to, "--smtp-host", "127.0.0.1", "--smtp-port", port());
            assertThat(code).as(to).isEqualTo(ExitCodes.BAD_USAGE);
            assertThat(err.toString()).as(to).startsWith("error: --to: ").contains("nothing was sent");
        }
        assertThat(err.toString()).contains("non-ASCII");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(out.toString()).doesNotContain("Sent");
    }
}
