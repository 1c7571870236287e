package paperboy.render.newsletter;

import com.helger.css.ECSSVersion;
import com.helger.css.decl.CSSDeclaration;
import com.helger.css.decl.CSSDeclarationList;
import com.helger.css.decl.CSSSelector;
import com.helger.css.decl.CSSSelectorAttribute;
import com.helger.css.decl.CSSSelectorMemberNot;
import com.helger.css.decl.CSSSelectorSimpleMember;
import com.helger.css.decl.CSSStyleRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ICSSSelectorMember;
import com.helger.css.decl.ICSSTopLevelRule;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderDeclarationList;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.ThrowingCSSParseErrorHandler;
import com.helger.css.writer.CSSWriterSettings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import paperboy.render.RenderException;

/**
 * Moves the CSS of a document's {@code <style>} elements onto the elements themselves as {@code style}
 * attributes, because many mail clients drop {@code <style>} (Gmail clips or strips it, Outlook ignores much
 * of it). The CSS is parsed by ph-css and the selectors matched by jsoup; the cascade follows CSS: higher
 * specificity wins, later rules win ties, {@code !important} beats both, and a style already written on the
 * element beats any rule that is not important.
 *
 * <p>Anything that cannot be inlined ({@code @media}, {@code @font-face}, pseudo-classes such as
 * {@code :hover}) is an error rather than silently dropped: the e-mail template must not rely on it.
 */
public final class CssInliner {
    private static final CSSWriterSettings WRITER = new CSSWriterSettings(ECSSVersion.LATEST, true);

    /** One declaration with what decides the cascade. */
    private record Decl(String value, boolean important, int specificity, int order) {
        boolean beats(Decl o) {
            if (important != o.important) return important;
            if (specificity != o.specificity) return specificity > o.specificity;
            return order > o.order;
        }
    }

    private CssInliner() {}

    /** A style rule's selector, ready to match, with its declarations in sheet order. */
    private record Rule(String selector, int specificity, List<Declared> declarations, SimpleSelector simple) {}

    /**
     * A selector of type, class and id selectors joined by the descendant combinator only ({@code .links a},
     * {@code h2}, {@code .note p}): what e-mail style sheets are made of. Matched on each element directly, as
     * jsoup matches them (tag names lower case, classes ignoring case, ids exactly), so a document is walked
     * once for all of them instead of once per rule. Anything else goes through jsoup's selector engine.
     *
     * @param parts the compound selectors, outermost first
     */
    record SimpleSelector(List<Compound> parts) {
        private static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile(
                "([a-zA-Z][a-zA-Z0-9-]*)?((?:[.#][a-zA-Z_-][a-zA-Z0-9_-]*)*)");

        /** The selector as simple parts, or null when it has anything else. */
        static SimpleSelector parse(String selector) {
            String trimmed = selector.trim();
            if (trimmed.isEmpty()) return null;
            List<Compound> parts = new ArrayList<>();
            for (String part : trimmed.split("\\s+")) {
                java.util.regex.Matcher m = COMPOUND.matcher(part);
                if (part.isEmpty() || !m.matches()) return null;
                String tag = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
                List<String> classes = new ArrayList<>();
                String id = null;
                java.util.regex.Matcher sub = java.util.regex.Pattern.compile("([.#])([a-zA-Z_-][a-zA-Z0-9_-]*)").matcher(m.group(2));
                while (sub.find()) {
                    if (sub.group(1).equals(".")) classes.add(sub.group(2));
                    else if (id == null) id = sub.group(2);
                    else return null; // two ids: leave it to jsoup
                }
                if (tag == null && classes.isEmpty() && id == null) return null;
                parts.add(new Compound(tag, List.copyOf(classes), id));
            }
            return new SimpleSelector(List.copyOf(parts));
        }

        boolean matches(Element e) {
            int i = parts.size() - 1;
            if (!parts.get(i).matches(e)) return false;
            // Descendant combinators only: matching each part on the nearest ancestor that fits is exact.
            Element at = e.parent();
            for (i--; i >= 0; i--) {
                while (at != null && !parts.get(i).matches(at)) at = at.parent();
                if (at == null) return false;
                at = at.parent();
            }
            return true;
        }
    }

    /** {@code tag.class1.class2#id}, any part absent. */
    record Compound(String tag, List<String> classes, String id) {
        boolean matches(Element e) {
            if (tag != null && !tag.equals(e.normalName())) return false;
            if (id != null && !id.equals(e.id())) return false;
            for (String c : classes) if (!e.hasClass(c)) return false;
            return true;
        }
    }

    /** One declaration of a rule: its property (lower case), value and importance. */
    private record Declared(String property, String value, boolean important) {}

    /**
     * Parsed style sheets and style attributes of one build, by their text: every edition of a build has the
     * same {@code <style>}, so ph-css parses it once, not once per day. Thread-safe.
     */
    public static final class Sheets {
        private final Map<String, List<Rule>> sheets = new ConcurrentHashMap<>();
        private final Map<String, Map<String, String>> attributes = new ConcurrentHashMap<>();

        List<Rule> rules(String css) {
            List<Rule> known = sheets.get(css);
            if (known != null) return known;
            List<Rule> rules = compile(parse(css));
            sheets.putIfAbsent(css, rules);
            return rules;
        }

        Map<String, String> styleAttribute(String style) {
            Map<String, String> known = attributes.get(style);
            if (known != null) return known;
            Map<String, String> parsed = java.util.Collections.unmodifiableMap(parseStyleAttribute(style));
            attributes.putIfAbsent(style, parsed);
            return parsed;
        }
    }

    /** Inlines and then removes every {@code <style>} element of {@code doc}, in place. */
    public static void inline(Document doc) {
        inline(doc, new Sheets());
    }

    /** The same, reusing the sheets already parsed in this build. */
    public static void inline(Document doc, Sheets sheets) {
        StringBuilder css = new StringBuilder();
        for (Element style : doc.select("style")) {
            css.append(style.data()).append('\n');
            style.remove();
        }
        List<Rule> rules = sheets.rules(css.toString());
        // Rules jsoup must match: their elements, found once per rule; the simple ones are matched on each element.
        List<java.util.Set<Element>> selected = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            if (rule.simple() != null) {
                selected.add(null);
                continue;
            }
            try {
                java.util.Set<Element> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                set.addAll(doc.select(rule.selector()));
                selected.add(set);
            } catch (Selector.SelectorParseException e) {
                throw new RenderException("e-mail CSS: selector \"" + rule.selector() + "\" cannot be inlined: " + e.getMessage(), e);
            }
        }
        // For each element, the rules in sheet order and their declarations in order: the order in which the
        // properties first appear is that of the sheet, and the cascade picks the winner of each.
        Map<Element, Map<String, Decl>> styles = new IdentityHashMap<>();
        for (Element e : doc.getAllElements()) {
            int order = 0;
            Map<String, Decl> mine = null;
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                boolean match = rule.simple() != null ? rule.simple().matches(e) : selected.get(r).contains(e);
                if (!match) {
                    order += rule.declarations().size();
                    continue;
                }
                if (mine == null) mine = new LinkedHashMap<>();
                for (Declared d : rule.declarations()) {
                    Decl decl = new Decl(d.value(), d.important(), rule.specificity(), order++);
                    mine.merge(d.property(), decl, (a, b) -> b.beats(a) ? b : a);
                }
            }
            if (mine != null) styles.put(e, mine);
        }
        for (Element e : doc.getAllElements()) {
            Map<String, Decl> fromSheet = styles.get(e);
            if (fromSheet == null) continue;
            Map<String, String> merged = new LinkedHashMap<>();
            fromSheet.forEach((prop, d) -> merged.put(prop, d.value() + (d.important() ? " !important" : "")));
            // A style written on the element in the template is the most specific of all, unless a rule is !important.
            String own = e.attr("style");
            if (own != null && !own.isBlank()) {
                for (Map.Entry<String, String> o : sheets.styleAttribute(own).entrySet()) {
                    Decl sheetDecl = fromSheet.get(o.getKey());
                    if (sheetDecl == null || !sheetDecl.important()) merged.put(o.getKey(), o.getValue());
                }
            }
            StringBuilder s = new StringBuilder();
            merged.forEach((p, v) -> s.append(s.length() == 0 ? "" : ";").append(p).append(':').append(v));
            e.attr("style", s.toString());
        }
    }

    /** The sheet's style rules, one per selector, in order; anything else in the sheet is an error. */
    private static List<Rule> compile(CascadingStyleSheet sheet) {
        List<Rule> rules = new ArrayList<>();
        for (ICSSTopLevelRule rule : sheet.getAllRules()) {
            if (!(rule instanceof CSSStyleRule styleRule)) {
                throw new RenderException("e-mail CSS: cannot inline " + rule.getAsCSSString(WRITER, 0).split("\\{")[0].trim()
                        + "; mail clients need every style on its element");
            }
            List<Declared> declarations = new ArrayList<>();
            for (CSSDeclaration d : styleRule.getAllDeclarations()) {
                declarations.add(new Declared(d.getProperty().toLowerCase(Locale.ROOT), d.getExpressionAsCSSString(),
                        d.isImportant()));
            }
            for (CSSSelector selector : styleRule.getAllSelectors()) {
                String text = selector.getAsCSSString(WRITER, 0);
                rules.add(new Rule(text, specificity(selector.getAllMembers()), List.copyOf(declarations),
                        SimpleSelector.parse(text)));
            }
        }
        return List.copyOf(rules);
    }

    private static CascadingStyleSheet parse(String css) {
        try {
            CascadingStyleSheet sheet = CSSReader.readFromStringReader(css, new CSSReaderSettings()
                    .setCSSVersion(ECSSVersion.LATEST)
                    .setCustomErrorHandler(new ThrowingCSSParseErrorHandler())
                    .setBrowserCompliantMode(false));
            if (sheet == null) throw new RenderException("e-mail CSS: cannot be parsed");
            return sheet;
        } catch (RuntimeException e) {
            if (e instanceof RenderException r) throw r;
            throw new RenderException("e-mail CSS: " + e.getMessage(), e);
        }
    }

    /** (ids, classes + attributes + pseudo-classes, elements) packed as one comparable int. */
    static int specificity(List<ICSSSelectorMember> members) {
        int ids = 0, classes = 0, elements = 0;
        for (ICSSSelectorMember m : members) {
            if (m instanceof CSSSelectorSimpleMember s) {
                if (s.isHash()) ids++;
                else if (s.isClass() || s.isPseudo()) classes++;
                else if (s.isElementName() && !"*".equals(s.getValue())) elements++;
            } else if (m instanceof CSSSelectorAttribute) {
                classes++;
            } else if (m instanceof CSSSelectorMemberNot not) {
                int inner = 0;
                for (CSSSelector s : not.getAllSelectors()) inner = Math.max(inner, specificity(s.getAllMembers()));
                ids += inner / 10_000;
                classes += inner / 100 % 100;
                elements += inner % 100;
            }
        }
        return ids * 10_000 + classes * 100 + elements;
    }

    /** The declarations of a style attribute, in order; later ones replace earlier ones. */
    static Map<String, String> parseStyleAttribute(String style) {
        Map<String, String> out = new LinkedHashMap<>();
        if (style == null || style.isBlank()) return out;
        CSSDeclarationList decls = CSSReaderDeclarationList.readFromString(style, ECSSVersion.LATEST,
                new ThrowingCSSParseErrorHandler());
        if (decls == null) throw new RenderException("e-mail template: style=\"" + style + "\" cannot be parsed");
        for (CSSDeclaration d : decls.getAllDeclarations()) {
            out.put(d.getProperty().toLowerCase(Locale.ROOT),
                    d.getExpressionAsCSSString() + (d.isImportant() ? " !important" : ""));
        }
        return out;
    }
}
