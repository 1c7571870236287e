package paperboy.cli;

/** "1 day", "2 days": counts in the one-line summaries. */
final class Count {
    private Count() {}

    static String of(long n, String one) {
        return n + " " + (n == 1 ? one : one + "s");
    }
}
