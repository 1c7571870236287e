package paperboy.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import paperboy.warmup.FastStart;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line. {@link #run} returns the exit code; only {@link #main} exits. */
@Command(name = "paperboy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds a static digest site, feeds and a newsletter from daily paper listings.")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // A short command runs in a second JVM set up for short runs, when that can be arranged (see FastStart).
        OptionalInt relaunched = FastStart.relaunch(args);
        if (relaunched.isPresent()) System.exit(relaunched.getAsInt());
        // A build is a short run: FreeMarker reads every view-model record through reflection, and after 15 calls
        // per method the JDK generates an accessor class for it (about 200 of them, each loaded and compiled).
        // The JNI accessor used before that is fine for a method called a few hundred times, so only the methods
        // a large build calls thousands of times get a generated one (18 of them for the sample site, not ~190).
        // Set before any reflective call.
        if (System.getProperty("sun.reflect.inflationThreshold") == null) {
            System.setProperty("sun.reflect.inflationThreshold", "1000");
        }
        // Jakarta Mail 2.1 looks its stream provider up through ServiceLoader on every MIME part and every encoded
        // word (jakartaee/mail-api#861), a few percent of a year's build; naming the provider skips the scan.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The commands, in the order help lists them. */
    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("build", BuildCommand::new);
        m.put("themes", ThemesCommand::new);
        // A lambda, not CommandLine.HelpCommand::new: a method reference straight into picocli (Java 5 classes,
        // which the JDK's AOT cache leaves out) crashes the JDK 25.0.3 JVM that assembles the cache.
        m.put("help", () -> new CommandLine.HelpCommand());
        m.put("serve", ServeCommand::new);
        m.put("newsletter", paperboy.cli.NewsletterCommand::new);
        m.put("send", paperboy.cli.SendCommand::new);
        m.put("export", paperboy.cli.ExportCommand::new);
        m.put("fetch", FetchCommand::new);
        m.put("daily", DailyCommand::new);
        return m;
    }

    /**
     * The command line with the command named first in {@code args} only, or with every command when the first
     * argument names none (help, a typo, an option). picocli reads each command's options by reflection when
     * it is added, which for all six took about a third of a second of a one-second build.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        Map<String, Supplier<Object>> commands = commands();
        String first = args.length > 0 ? args[0] : "";
        boolean one = commands.containsKey(first) && !first.equals("help");
        commands.forEach((name, command) -> {
            if (!one || name.equals(first)) cli.addSubcommand(name, command.get());
        });
        return cli;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args)
                .setOut(out)
                .setErr(err)
                .registerConverter(java.time.LocalDate.class, Main::date)
                .setParameterExceptionHandler(Main::badUsage)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // An unexpected failure: one line, unless the user asked for the details.
                    cmd.getErr().println("error: " + e);
                    if (parsed.originalArgs().contains("--verbose") || parsed.originalArgs().contains("-v")) {
                        e.printStackTrace(cmd.getErr());
                    } else {
                        cmd.getErr().println("(run with --verbose for details)");
                    }
                    return ExitCodes.BAD_INPUT;
                });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A date option: one line saying what is wrong, not the JDK's parse exception. */
    private static java.time.LocalDate date(String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("\"" + text + "\" is not a date; write it as YYYY-MM-DD (e.g. 2025-03-14)");
        }
    }

    /**
     * Bad usage: one line and where to find help, exit code 2. The whole usage only for a command line without
     * a command, where the list of commands is the answer.
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            if (cmd.getParent() == null) cmd.usage(err);
            else err.println("(see 'paperboy " + cmd.getCommandName() + " --help')");
        }
        return ExitCodes.BAD_USAGE;
    }

    /** {@code paperboy} without a command: show what there is and fail as bad usage. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'paperboy build'");
    }
}
