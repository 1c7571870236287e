package paperboy.write;

/**
 * @param files     files in the new site
 * @param written   files whose bytes were written
 * @param unchanged files identical to the previous build, linked instead of written
 * @param bytes     total size of the site
 */
public record WriteStats(int files, int written, int unchanged, long bytes) {}
