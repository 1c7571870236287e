package paperboy.cli;

/** The process exit codes: the same for every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input (content, config, templates) has a problem the user can fix. */
    public static final int BAD_INPUT = 1;
    /** The command line itself is wrong. */
    public static final int BAD_USAGE = 2;

    private ExitCodes() {}
}
