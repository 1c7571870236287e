package paperboy.model;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * An automatic theme that earlier builds published at {@code themes/<slug>/} and that a later refit retired (left
 * with too few papers) or emptied (its papers moved to closer themes): its URL keeps leading to where its papers are.
 *
 * @param retiredOn  the month whose refit retired it
 * @param successors the themes its papers are in now, most papers first (ties by slug); empty when none has any
 */
public record RetiredTheme(String slug, String name, YearMonth retiredOn, List<Successor> successors) {

    public RetiredTheme {
        successors = List.copyOf(successors);
    }

    /** A theme that took {@code papers} of the retired theme's papers. */
    public record Successor(String slug, int papers) {}

    /** The theme that took most of its papers: where its page's canonical link points. */
    public Optional<Successor> main() {
        return successors.isEmpty() ? Optional.empty() : Optional.of(successors.get(0));
    }
}
