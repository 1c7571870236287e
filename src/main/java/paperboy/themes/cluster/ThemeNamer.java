package paperboy.themes.cluster;

import paperboy.themes.text.Corpus;
import paperboy.themes.text.TermAnalyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a group of papers after its most distinctive terms: those far more common among its papers than among
 * the rest ("In-Context Learning", "Sparse Autoencoders & Interpretability"), written as the papers most often
 * write them.
 */
public final class ThemeNamer {
    /** A two-word phrase names a topic better than either word; it wins unless clearly less distinctive. */
    private static final double PAIR_BONUS = 1.5;
    /** The second part of a name must be at least this distinctive relative to the first. */
    private static final double SECOND_PART = 0.6;
    private static final double PHRASE_OVER_WORD = 0.5;
    private static final int KEYWORDS = 8;
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "in", "of",
            "on", "or", "the", "to", "via", "vs", "with");

    /** A paper with the term only in its abstract counts this much, one with it in the title 1. */
    private static final double ABSTRACT_ONLY = 0.3;

    private final Corpus corpus;

  public   ThemeNamer(Corpus corpus) {
        this.corpus = corpus;
    }

    /** A name and keywords (surface forms, most distinctive first). */
    public record Naming(String name, List<String> keywords) {}

    public Naming name(List<Integer> members) {
        double[] score = new double[corpus.terms.length];
        int[] inTitles = new int[corpus.terms.length];
        List<Integer> terms = distinctive(members, score, inTitles);
        if (terms.isEmpty()) return new Naming("Miscellaneous", List.of());
        // Name after words the member titles share when there are any: titles say what a paper is about,
        // abstracts also say "accurate" and "data".
        List<Integer> nameable = terms.stream().filter(t -> inTitles[t] >= 2).toList();
        boolean fromTitles = !nameable.isEmpty();
        if (!fromTitles) nameable = terms;
        int first = nameable.get(0);
        if (!corpus.terms[first].contains(" ")) {
            // "masked" alone says less than "masked autoencoder": take a phrase with the word if nearly as distinctive.
            for (int t : nameable) {
                if (score[t] < PHRASE_OVER_WORD * score[first]) break;
                if (Arrays.asList(corpus.terms[t].split(" ")).contains(corpus.terms[first]) && t != first) {
                    first = t;
                    break;
                }
            }
        }
        String name = titleCase(corpus.surface(first));
        Set<String> used = new HashSet<>(Arrays.asList(corpus.terms[first].split(" ")));
        for (int t : fromTitles ? nameable : List.<Integer>of()) { // a second abstract-only word is mostly noise
            if (t == first || overlaps(t, used)) continue;
            // A second part must be a topic of its own: a phrase, or a word in half the titles. A lone word
            // such as "Efficient" or "Words" beside the first makes two unrelated words joined by "&".
            boolean topic = corpus.terms[t].contains(" ") || 2 * inTitles[t] >= members.size();
            if (topic && score[t] >= SECOND_PART * score[first]) name += " & " + titleCase(corpus.surface(t));
            break;
        }
        List<String> keywords = new ArrayList<>();
        Set<String> keywordStems = new HashSet<>();
        for (int t : terms) {
            if (keywords.size() == KEYWORDS) break;
            // Skip a word already inside a chosen phrase: "context" adds nothing after "in-context learning".
            if (!corpus.terms[t].contains(" ") && keywordStems.contains(corpus.terms[t])) continue;
            keywords.add(corpus.surface(t));
            keywordStems.addAll(Arrays.asList(corpus.terms[t].split(" ")));
        }
        return new Naming(name, keywords);
    }

    /** Term ids in at least two member papers, most distinctive first (ties by term, for determinism). */
    private List<Integer> distinctive(List<Integer> members, double[] score, int[] inTitles) {
        double[] inside = new double[corpus.terms.length];
        int[] papersWith = new int[corpus.terms.length];
        for (int m : members) {
            int[] title = corpus.titleTerms.get(m);
            for (int t : corpus.vectors.get(m).ids()) {
                papersWith[t]++;
                boolean titled = Arrays.binarySearch(title, t) >= 0;
                inside[t] += titled ? 1 : ABSTRACT_ONLY;
                if (titled) inTitles[t]++;
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int t = 0; t < inside.length; t++) {
            if (papersWith[t] < 2) continue;
            candidates.add(t);
            score[t] = score(t, inside[t], members.size());
        }
        candidates.sort((a, b) -> {
            int c = Double.compare(score[b], score[a]);
            return c != 0 ? c : corpus.terms[a].compareTo(corpus.terms[b]);
        });
        return candidates;
    }

    /**
     * How much more the member papers use the term than the others: share of members minus share of the rest,
     * where a paper with the term in its title counts fully and one with it only in the abstract partly.
     */
    private double score(int term, double inside, int size) {
        int outsideSize = Math.max(1, corpus.fitSize - size);
        double everywhere = corpus.titleFreq[term] + ABSTRACT_ONLY * (corpus.docFreq[term] - corpus.titleFreq[term]);
        double s = inside / size - Math.max(0, everywhere - inside) / outsideSize;
        return corpus.terms[term].contains(" ") ? s * PAIR_BONUS : s;
    }

    private boolean overlaps(int term, Set<String> usedStems) {
        for (String stem : corpus.terms[term].split(" ")) if (usedStems.contains(stem)) return true;
        return false;
    }

    /** "in-context learning" → "In-Context Learning"; "LLMs" and "LoRA" stay as written. */
    public static String titleCase(String phrase) {
        String[] words = phrase.split(" ");
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words.length; w++) {
            if (w > 0) out.append(' ');
            String[] parts = words[w].split("(?<=[-/])");
            for (String part : parts) {
                boolean small = w > 0 && SMALL_WORDS.contains(part.toLowerCase(Locale.ROOT));
                if (small || TermAnalyzer.hasInnerCapital(part) || part.isEmpty()) out.append(part);
                else out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
