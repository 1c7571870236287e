package paperboy.cli;

/** The process exit codes: the same for every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input (content, config, templates) has a problem the user can fix. */
    public static final int BAD_INPUT = 1;
    /** The command line itself is wrong. */
    public static final int BAD_USAGE = 2;
    /** fetch / daily: the source has no list for the day yet (an empty list, or 404); nothing was written. */
    public static final int NOT_PUBLISHED = 3;
    /** fetch / daily: the source could not be reached or gave a bad answer, after retries; try again later. */
    public static final int SOURCE_FAILED = 4;

    private ExitCodes() {}
}
