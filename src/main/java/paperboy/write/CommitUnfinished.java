package paperboy.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A commit passed its commit point and then failed (a disk error while moving files into place): the site is
 * neither the old one nor the new one until the next build (or any paperboy command that writes it) finishes
 * the commit from its journal.
 */
public final class CommitUnfinished extends IOException {
    CommitUnfinished(Path site, IOException cause) {
        super("the update of " + site + " stopped half way (" + cause.getMessage()
                + "); the next paperboy build finishes it from its journal", cause);
    }
}
