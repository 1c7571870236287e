package paperboy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One distinct paper, however many times and on however many days it was listed.
 *
 * @param slug             stable, unique URL segment: {@code papers/<slug>/}
 * @param title            the first-seen title, whitespace-normalised
 * @param abstractText     the first-seen abstract as written (LaTeX debris and all), see {@link #abstractRaw}
 * @param days             every day it was listed, ascending, no repeats
 * @param titleVariants    how many other spellings of the title were seen
 * @param abstractVariants how many other versions of the abstract were seen
 * @param themes           theme slugs, primary first; empty until themes are assigned
 * @param related          slugs of the most similar papers, most similar first
 * @param firstSource      where it was first seen
 * @param arxivId          arXiv identifier where an input gave one
 * @param authors          authors where an input gave them
 * @param upvotes          its popularity where an input gave it: the count of its latest listing that carried one
 *                         (Hugging Face upvotes only grow, and the latest is what a reader sees on the site today)
 */
public record Paper(
        String slug,
        String title,
        LazyText abstractText,
        List<LocalDate> days,
        int titleVariants,
        int abstractVariants,
        List<String> themes,
        List<String> related,
        SourceRef firstSource,
        Optional<String> arxivId,
        List<String> authors,
        OptionalInt upvotes) {

    public Paper {
        days = List.copyOf(days);
        themes = List.copyOf(themes);
        related = List.copyOf(related);
        authors = List.copyOf(authors);
        if (days.isEmpty()) throw new IllegalArgumentException("a paper is listed on at least one day: " + title);
    }

    public Paper(String slug, String title, Optional<String> abstractRaw, List<LocalDate> days, int titleVariants,
                 int abstractVariants, List<String> themes, List<String> related, SourceRef firstSource,
                 Optional<String> arxivId, List<String> authors, OptionalInt upvotes) {
        this(slug, title, LazyText.of(abstractRaw), days, titleVariants, abstractVariants, themes, related,
                firstSource, arxivId, authors, upvotes);
    }

    /** The first-seen abstract as written (LaTeX debris and all); empty when the input had none. */
    public Optional<String> abstractRaw() {
        return abstractText.get();
    }

    /** A paper from inputs that carry no popularity. */
    public Paper(String slug, String title, Optional<String> abstractRaw, List<LocalDate> days, int titleVariants,
                 int abstractVariants, List<String> themes, List<String> related, SourceRef firstSource,
                 Optional<String> arxivId, List<String> authors) {
        this(slug, title, abstractRaw, days, titleVariants, abstractVariants, themes, related, firstSource, arxivId,
                authors, OptionalInt.empty());
    }

    public LocalDate firstSeen() {
        return days.get(0);
    }

    public LocalDate lastSeen() {
        return days.get(days.size() - 1);
    }

    public boolean listedOnSeveralDays() {
        return days.size() > 1;
    }

    public Paper withThemes(List<String> themeSlugs, List<String> relatedSlugs) {
        return new Paper(slug, title, abstractText, days, titleVariants, abstractVariants, themeSlugs,
                relatedSlugs, firstSource, arxivId, authors, upvotes);
    }
}
