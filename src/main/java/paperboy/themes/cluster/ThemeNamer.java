package paperboy.themes.cluster;

import paperboy.themes.text.Corpus;
import paperboy.themes.text.TermAnalyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

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
    /** A leading phrase that clashes with another theme's gives way to the next of this many candidates. */
    private static final int HEAD_CANDIDATES = 5;
    /** "&" joins a second part only when this share of the titles with it have the first too. */
    private static final double TOGETHER = 0.5;
    /** A leading phrase goes on with the word that follows it in this share of the member titles that have it. */
    private static final double CARRY_ON = 0.8;
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
        return name(members, head -> false);
    }

    /**
     * @param clashes whether a leading phrase would make this theme's name a near-duplicate of one already given
     *                (see {@link #clash}): the next most distinctive phrase then leads, as a person would name two
     *                themes on one topic apart; when every candidate clashes the best one is kept for the caller to
     *                tell apart
     */
    public Naming name(List<Integer> members, Predicate<String> clashes) {
        double[] score = new double[corpus.terms.length];
        int[] inTitles = new int[corpus.terms.length];
        List<Integer> terms = distinctive(members, score, inTitles);
        if (terms.isEmpty()) return new Naming("Miscellaneous", List.of());
        // Name after words the member titles share when there are any: titles say what a paper is about,
        // abstracts also say "accurate" and "data".
        List<Integer> nameable = terms.stream().filter(t -> inTitles[t] >= 2).toList();
        boolean fromTitles = !nameable.isEmpty();
        if (!fromTitles) nameable = terms;
        int first = -1;
        String head = null;
        for (int i = 0; i < Math.min(HEAD_CANDIDATES, nameable.size()); i++) {
            int candidate = lead(nameable, nameable.get(i), score);
            String h = head(candidate, members, Set.of());
            if (first < 0) {
                first = candidate;
                head = h;
            }
            if (!clashes.test(h)) {
                first = candidate;
                head = h;
                break;
            }
        }
        String name = head;
        Set<String> used = new HashSet<>(Arrays.asList(head.toLowerCase(Locale.ROOT).split("[ -]")));
        used.addAll(Arrays.asList(corpus.terms[first].split(" ")));
        for (int t : fromTitles ? nameable : List.<Integer>of()) { // a second abstract-only word is mostly noise
            if (t == first || overlaps(t, used)) continue;
            // A second part must be a topic of its own (a phrase, or a word in half the titles) and one topic with
            // the first: most papers that have it have the first too. Otherwise "&" joins two unrelated words
            // ("Survey & Time Series") or two groups of papers that happen to share a cluster.
            boolean topic = corpus.terms[t].contains(" ") || 2 * inTitles[t] >= members.size();
            if (topic && score[t] >= SECOND_PART * score[first] && together(members, first, t) >= TOGETHER) {
                name += " & " + head(t, members, words(name).stream().map(ThemeNamer::wordKey).collect(java.util.stream.Collectors.toSet()));
            }
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

    /** "masked" alone says less than "masked autoencoder": a phrase with the word leads if nearly as distinctive. */
    private int lead(List<Integer> nameable, int first, double[] score) {
        if (corpus.terms[first].contains(" ")) return first;
        for (int t : nameable) {
            if (score[t] < PHRASE_OVER_WORD * score[first]) break;
            if (t != first && Arrays.asList(corpus.terms[t].split(" ")).contains(corpus.terms[first])) return t;
        }
        return first;
    }

    /**
     * The term as the papers write it, title-cased, carried on by the words that follow it in most member titles
     * (at most two): the analysis keeps phrases of two words and drops words as common as "models", so "large
     * language" is "Large Language Models" in the titles.
     *
     * @param named the words of the name so far (as {@link #wordKey}), which a second part does not repeat
     */
    private String head(int term, List<Integer> members, Set<String> named) {
        String surface = corpus.surface(term);
        for (int extra = 0; extra < 2; extra++) {
            java.util.regex.Pattern next = java.util.regex.Pattern.compile(
                    "(?iu)(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(surface) + "\\s+([\\p{L}][\\p{L}\\p{N}-]*)");
            // The next word counted as one whatever its case and number ("Model", "models"), written as most write it.
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>(), spellings = new java.util.TreeMap<>();
            int with = 0;
            for (int m : members) {
                var found = next.matcher(corpus.papers.get(m).title());
                if (!corpus.papers.get(m).title().toLowerCase(Locale.ROOT).contains(surface.toLowerCase(Locale.ROOT))) continue;
                with++;
                if (!found.find()) continue;
                counts.merge(wordKey(found.group(1)), 1, Integer::sum);
                spellings.merge(found.group(1), 1, Integer::sum);
            }
            String best = null;
            for (var e : counts.entrySet()) if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
            if (best == null || with < 2 || counts.get(best) < CARRY_ON * with || SMALL_WORDS.contains(best)
                    || named.contains(best)) break; // a second part does not repeat the first
            String key = best, spelling = null;
            for (var e : spellings.entrySet()) {
                // A theme is about models, not a model: the plural wins where the titles use both.
                if (!wordKey(e.getKey()).equals(key)) continue;
                boolean plural = !e.getKey().equalsIgnoreCase(key);
                if (spelling == null || plural && spelling.equalsIgnoreCase(key)
                        || plural == !spelling.equalsIgnoreCase(key) && e.getValue() > spellings.get(spelling)) spelling = e.getKey();
            }
            surface += " " + spelling;
        }
        return titleCase(surface);
    }

    private static String wordKey(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }

    /** Of the member papers with {@code b} in their title, the share that have {@code a} there too. */
    private double together(List<Integer> members, int a, int b) {
        int withB = 0, both = 0;
        for (int m : members) {
            if (Arrays.binarySearch(corpus.titleTerms.get(m), b) < 0) continue;
            withB++;
            if (Arrays.binarySearch(corpus.titleTerms.get(m), a) >= 0) both++;
        }
        return withB == 0 ? 0 : (double) both / withB;
    }

    /**
     * Whether two names would read as near-duplicates: the same leading phrase (before " & " or " ("), or the words
     * of one the first words of the other ("Text" and "Text Generation", "In-Context Learning" and "In-Context
     * Learning & Multimodal").
     */
    public static boolean clash(String a, String b) {
        List<String> x = words(a), y = words(b);
        if (leading(a).equals(leading(b))) return true;
        int n = Math.min(x.size(), y.size());
        return n > 0 && x.subList(0, n).equals(y.subList(0, n));
    }

    private static String leading(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        for (String sep : List.of(" & ", " (")) {
            int i = s.indexOf(sep);
            if (i > 0) s = s.substring(0, i);
        }
        return String.join(" ", words(s));
    }

    private static List<String> words(String name) {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Term ids in at least two member papers, most distinctive first (ties by term, for determinism). */
    private List<Integer> distinctive(List<Integer> members, double[] score, int[] inTitles) {
        double[] inside = new double[corpus.terms.length];
        int[] papersWith = new int[corpus.terms.length];
        for (int m : members) {
            int[] title = corpus.titleTerms.get(m);
            for (int t : corpus.termVectors.get(m).ids()) {
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
