package paperboy.themes.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into stemmed tokens with Lucene's {@link EnglishAnalyzer} (standard tokenizer, possessives, lower
 * case, stop words, Porter stemming), keeping for every token the words it was made from, so theme names can
 * show "in-context learning" rather than "context learn". Thread-safe: one instance can serve a whole build.
 */
public final class TermAnalyzer {
    /**
     * Words every abstract uses, which say nothing about the topic; removed on top of Lucene's English stop words.
     * Listed as written (the stop filter runs before stemming).
     */
    private static final List<String> ACADEMIC_STOP_WORDS = List.of(
            "also", "although", "approach", "approaches", "art", "based", "can", "demonstrate", "demonstrates",
            "existing", "experiments", "extensive", "furthermore", "however", "introduce", "introduces", "it's",
            "key", "moreover", "may", "method", "methods", "new", "novel", "often", "our", "paper", "propose",
            "proposed", "proposes", "recent", "recently", "results", "show", "shows", "significantly", "state",
            "study", "such", "than", "these", "those", "through", "use", "used", "uses", "using", "we", "well",
            "which", "while", "whether", "work", "works", "via", "without", "its", "within", "including", "across",
            "both", "more", "most", "other", "only", "how", "what", "when", "where", "who", "why", "can't", "one",
            "two", "three", "first", "further", "different", "various", "several", "many", "much", "same", "up",
            "out", "over", "between", "under", "has", "have", "had", "been", "being", "do", "does", "did", "from",
            "so", "all", "any", "each", "how", "very", "would", "could", "should", "make", "makes", "made", "end",
            "et", "al", "them", "you", "need", "i.e", "e.g", "thus", "yet", "able", "even", "like", "whole");

    /** Compound prefixes glued on before analysis, so "auto-encoder" and "autoencoder" are the same word. */
    private static final Set<String> GLUED_PREFIXES = Set.of("auto", "pre", "post", "non", "co", "multi", "semi",
            "sub", "un", "de", "re");
    private static final int MAX_PREFIX = GLUED_PREFIXES.stream().mapToInt(String::length).max().orElse(0);

    private final Analyzer analyzer;
    private final CharArraySet stopWords;

    public TermAnalyzer() {
        this(true);
    }

    /** @param rememberStems false: Lucene's {@link EnglishAnalyzer} itself, to check the stems remembered against */
    TermAnalyzer(boolean rememberStems) {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stop.addAll(ACADEMIC_STOP_WORDS);
        this.stopWords = CharArraySet.unmodifiableSet(stop);
        this.analyzer = rememberStems ? new CachedEnglishAnalyzer(stopWords) : new EnglishAnalyzer(stopWords);
    }

    /**
     * Lucene's {@link EnglishAnalyzer} (its chain, filter for filter) with each thread's words remembered with their
     * Porter stems: an archive's papers use a few hundred thousand words in some twenty million tokens, and stemming
     * a word again costs several times looking it up. A remembered stem is handed on marked as a keyword, which the
     * stemmer leaves as it is, so the tokens are the same.
     */
    private static final class CachedEnglishAnalyzer extends Analyzer {
        /** Words remembered per thread; beyond this the memory is started afresh (a bound, rarely reached). */
        private static final int MAX_WORDS = 200_000;
        private final CharArraySet stopWords;

        CachedEnglishAnalyzer(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, stopWords);
            KnownStems known = new KnownStems(result, new CharArrayMap<>(1024, false));
            return new TokenStreamComponents(source, new NewStems(new PorterStemFilter(known), known));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }

        /** Puts the remembered stem in place of a word, marked so that the stemmer passes it on as it is. */
        private static final class KnownStems extends TokenFilter {
            final CharArrayMap<String> stems;
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
            /** the current word when its stem is not remembered yet, else null */
            String missed;

            KnownStems(TokenStream in, CharArrayMap<String> stems) {
                super(in);
                this.stems = stems;
            }

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) return false;
                missed = null;
                if (keyword.isKeyword()) return true;
                String stem = stems.get(term.buffer(), 0, term.length());
                if (stem != null) {
                    term.setEmpty().append(stem);
                    keyword.setKeyword(true);
                } else {
                    missed = term.toString();
                }
                return true;
            }
        }

        /** Remembers the stem the stemmer made of a word not remembered before. */
        private static final class NewStems extends TokenFilter {
            private final KnownStems known;
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            NewStems(TokenStream in, KnownStems known) {
                super(in);
                this.known = known;
            }

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) return false;
                if (known.missed != null) {
                    if (known.stems.size() >= MAX_WORDS) known.stems.clear();
                    known.stems.put(known.missed, term.toString());
                }
                return true;
            }
        }
    }

    /**
     * One token: its stem, the words it came from (lower case unless it has inner capitals, like "LLMs"), and
     * whether it continues the phrase of the token before (no stop word, punctuation or sentence end between),
     * and if so how the two were joined: " ", "-" or "/".
     */
    public record Token(String stem, String surface, boolean joinsPrevious, String joiner) {}

    /** The text as tokens in order; numbers and single letters dropped. */
    public List<Token> tokens(String rawText) {
        // Raw text on purpose: LaTeX debris tokenizes into a few stray words, and cleaning it costs more than analysis.
        String text = glueCompoundPrefixes(rawText);
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int prevEnd = -1;
            while (ts.incrementToken()) {
                String stem = term.toString();
                int start = offset.startOffset(), end = offset.endOffset();
                String gap = prevEnd >= 0 && prevEnd <= start ? text.substring(prevEnd, start) : null;
                boolean joins = gap != null && samePhrase(gap);
                if (!meaningful(stem)) {
                    prevEnd = -1;
                    continue;
                }
                start = withStopWordPrefix(text, start);
                String joiner = !joins ? "" : gap.contains("-") ? "-" : gap.contains("/") ? "/" : " ";
                out.add(new Token(stem, surface(text.substring(start, end)), joins, joiner));
                prevEnd = end;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        return out;
    }

    /** "auto-encoder" → "autoencoder", "pre-training" → "pretraining": one word however it is written. */
    public static String glueCompoundPrefixes(String text) {
        if (text.indexOf('-') < 0) return text;
        // Copies only when a hyphen goes, in runs between the hyphens dropped: most texts keep every hyphen.
        StringBuilder out = null;
        int copied = 0;
        int wordStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' && i > wordStart && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))
                    && gluedPrefix(text, wordStart, i)) {
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, i);
                copied = i + 1;
                continue; // the word goes on: its start stays where it was
            }
            if (!Character.isLetter(c)) wordStart = i + 1;
        }
        if (out == null) return text;
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether text[from, to) is one of {@link #GLUED_PREFIXES} in any case (they are ASCII: so must it be). */
    private static boolean gluedPrefix(String text, int from, int to) {
        if (to - from > MAX_PREFIX) return false;
        char[] lower = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128) return false;
            lower[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return GLUED_PREFIXES.contains(new String(lower));
    }

    /** Just the stems, for matching curated keywords. */
    public List<String> stems(String rawText) {
        return tokens(rawText).stream().map(Token::stem).toList();
    }

    /** Only spaces, hyphens or slashes between two words: they may form a phrase. */
    private static boolean samePhrase(String gap) {
        for (int i = 0; i < gap.length(); i++) {
            char c = gap.charAt(i);
            if (c != ' ' && c != '-' && c != '/' && !Character.isWhitespace(c)) return false;
        }
        return true;
    }

    private static boolean meaningful(String stem) {
        if (stem.length() < 2) return false;
        for (int i = 0; i < stem.length(); i++) {
            if (Character.isLetter(stem.charAt(i))) return true;
        }
        return false;
    }

    /** "in-context": the stop word "in" is dropped, but belongs to how the word is written. */
    private int withStopWordPrefix(String text, int start) {
        if (start < 2 || text.charAt(start - 1) != '-') return start;
        int s = start - 1;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
        String prefix = text.substring(s, start - 1);
        return !prefix.isEmpty() && stopWords.contains(prefix.toLowerCase(Locale.ROOT)) ? s : start;
    }

    private static String surface(String s) {
        return hasInnerCapital(s) ? s : s.toLowerCase(Locale.ROOT);
    }

    /** "LLMs", "LoRA", "KV": written that way on purpose. "Sparse" at a sentence start is not. */
    public static boolean hasInnerCapital(String s) {
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                wordStart = true;
                continue;
            }
            if (!wordStart && Character.isUpperCase(c)) return true;
            wordStart = false;
        }
        return false;
    }
}
