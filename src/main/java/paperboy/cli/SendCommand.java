package paperboy.cli;

import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperboy.send.Recipients;
import java.util.concurrent.Callable;
import paperboy.render.RenderException;
import paperboy.render.newsletter.MimeEdition;
import paperboy.send.SmtpSender;
import paperboy.send.SmtpSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sends a day's e-mail edition by SMTP. The login is read from the environment only. */
@Command(name = "send", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Send the e-mail edition of a day by SMTP.",
                "Login, when the server needs one, only from the environment: "
                        + SmtpSettings.USER_ENV + " and " + SmtpSettings.PASSWORD_ENV + "."})
public final class SendCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: the latest day).")
    LocalDate date;

    @Option(names = "--week", paramLabel = "YYYY-Www", description = "Send the weekly edition of this ISO week "
            + "(e.g. 2025-W07) instead of a day's.")
    String week;

    @Option(names = "--to", paramLabel = "ADDRESS", required = true, split = ",",
            description = "Recipient; repeat or separate with commas.")
    List<String> to;

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "localhost",
            description = "SMTP server (default: ${DEFAULT-VALUE}).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25",
            description = "SMTP port (default: ${DEFAULT-VALUE}; usually 587 with --starttls).")
    int smtpPort;

    @Option(names = "--starttls", description = "Require STARTTLS before sending (used whenever the server offers it;"
            + " required anyway when a login is set).")
    boolean starttls;

    @Option(names = "--insecure-auth", description = "Send the SMTP login even over an unencrypted connection.")
    boolean insecureAuth;

    @Spec
    CommandSpec spec;

    /** The environment to read the login from; tests replace it. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The sending, printing to these; also the send step of {@code daily}. */
    int run(PrintWriter out, PrintWriter err) {
        Optional<String> badAddress = Recipients.problem(to);
        if (badAddress.isPresent()) {
            err.println("error: --to: " + badAddress.get() + "; nothing was sent");
            return ExitCodes.BAD_USAGE;
        }
        EditionLoader.Loaded loaded;
        try {
            if (week != null && (date != null || !week.matches("\\d{4}-W\\d{2}"))) {
                err.println("error: " + (date != null ? "--week and --date exclude each other"
                        : "--week " + week + ": expected an ISO week such as 2025-W07"));
                return ExitCodes.BAD_USAGE;
            }
            loaded = EditionLoader.load(site, date, false, week, err);
        } catch (EditionLoader.Failed f) {
            return f.exitCode;
        }
        SmtpSender sender = new SmtpSender(SmtpSettings.of(smtpHost, smtpPort, starttls, insecureAuth, env));
        MimeEdition.Parts edition = loaded.editions().get(0);
        // One message per recipient, so no reader sees the others' addresses.
        int sent = 0;
        try {
            for (String recipient : to) {
                MimeMessage message = MimeEdition.message(edition, loaded.config(), loaded.base(), List.of(recipient),
                        sender.session());
                sender.send(message);
                sent++;
            }
        } catch (RenderException e) {
            err.println("error: " + e.getMessage() + sentSoFar(sent));
            return ExitCodes.BAD_INPUT;
        } catch (SmtpSender.SendFailed e) {
            err.println("error: " + e.getMessage() + sentSoFar(sent));
            if (site.verbose) e.printStackTrace(err);
            return ExitCodes.BAD_INPUT;
        }
        out.println("Sent \"" + edition.page().subject() + "\" to " + String.join(", ", to) + " via " + smtpHost + ":" + smtpPort);
        return ExitCodes.OK;
    }

    private String sentSoFar(int sent) {
        return sent == 0 ? "" : " (sent to " + String.join(", ", to.subList(0, sent)) + " before that)";
    }
}
