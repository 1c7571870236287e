package paperboy.editorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import paperboy.model.Note;
import paperboy.model.SitePage;
import paperboy.model.SourceRef;
import paperboy.source.DecodedText;
import paperboy.problems.Problems;
import paperboy.source.YamlTree;

/**
 * Reads the editorial Markdown of the content folder, in the load phase:
 * <ul>
 *   <li>{@code pages/*.md}: front matter {@code title} (required), {@code slug} (default: the file name),
 *       {@code description}, {@code date}, {@code draft}; built at {@code <slug>/index.html};</li>
 *   <li>{@code notes/YYYY-MM-DD.md}: a note on that day;</li>
 *   <li>{@code notes/*.md} with front matter {@code paper: <title or arXiv id>}: a note on that paper.</li>
 * </ul>
 * Drafts are not built, and say so in a warning. Which paper a note names is checked once the digest is
 * assembled ({@link EditorialSource#attachTo}).
 */
public final class EditorialLoader {
    /** Site paths that pages may not take. */
    static final Set<String> RESERVED_SLUGS = Set.of("archive", "assets", "data", "days", "papers", "themes",
            "feed", "feeds", "newsletter", "search", "notes", "pages");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern DAY_NOTE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.md");

    record PageFront(String title, String slug, String description, String date, Boolean draft) {
        static final List<String> KEYS = List.of("title", "slug", "description", "date", "draft");

        static PageFront of(YamlTree.Mapping m, Problems problems) {
            return new PageFront(YamlTree.text(m, "title", problems).orElse(null),
                    YamlTree.text(m, "slug", problems).orElse(null),
                    YamlTree.text(m, "description", problems).orElse(null),
                    YamlTree.text(m, "date", problems).orElse(null),
                    YamlTree.bool(m, "draft", problems).orElse(null));
        }
    }

    /**
     * A note's front matter: {@code paper}, {@code draft}, and the keys Hugo and Jekyll writers put on every file
     * ({@code title}, the note's heading; {@code description}, {@code date}, {@code tags}, accepted and not used).
     * Other keys are warned about, not fatal: a note is still worth showing.
     */
    record NoteFront(String paper, String title, Boolean draft) {
        static final List<String> KEYS = List.of("paper", "title", "description", "date", "tags", "draft");

        static NoteFront of(YamlTree.Mapping m, Problems problems) {
            return new NoteFront(YamlTree.text(m, "paper", problems).orElse(null),
                    YamlTree.text(m, "title", problems).map(String::strip).filter(t -> !t.isEmpty()).orElse(null),
                    YamlTree.bool(m, "draft", problems).orElse(null));
        }
    }

    private final Markdown markdown;

    public EditorialLoader(Markdown markdown) {
        this.markdown = markdown;
    }

    public EditorialSource load(Path contentDir, Problems problems) {
        List<SitePage> pages = new ArrayList<>();
        Map<String, SourceRef> slugAt = new HashMap<>();
        for (Path f : markdownFiles(contentDir.resolve("pages"), problems)) {
            page(f, problems).ifPresent(p -> {
                SourceRef earlier = slugAt.putIfAbsent(p.slug(), p.source());
                if (earlier != null) {
                    problems.error(p.source(), "page slug \"" + p.slug() + "\" is already taken by " + earlier.file());
                } else {
                    pages.add(p);
                }
            });
        }
        Map<LocalDate, Note> dayNotes = new TreeMap<>();
        List<EditorialSource.PaperNote> paperNotes = new ArrayList<>();
        for (Path f : markdownFiles(contentDir.resolve("notes"), problems)) {
            note(f, dayNotes, paperNotes, problems);
        }
        pages.sort(Comparator.comparing(SitePage::slug));
        return new EditorialSource(pages, dayNotes, paperNotes);
    }

    private Optional<SitePage> page(Path f, Problems problems) {
        Optional<FrontMatter> fm = read(f, problems);
        if (fm.isEmpty()) return Optional.empty();
        Optional<PageFront> front = fm.get().read(PageFront.KEYS, PageFront::of, problems);
        if (front.isEmpty()) return Optional.empty();
        PageFront pf = front.get();
        SourceRef at = SourceRef.of(f, 1);
        if (Boolean.TRUE.equals(pf.draft())) {
            problems.warning(fm.get().keyAt("draft"), "draft: not built (remove \"draft: true\" to publish it)");
            return Optional.empty();
        }
        if (pf.title() == null || pf.title().isBlank()) {
            problems.error(at, "a page needs a \"title\" in its front matter");
            return Optional.empty();
        }
        String slug = pf.slug() != null ? pf.slug().strip() : stem(f);
        SourceRef slugAt = pf.slug() != null ? fm.get().keyAt("slug") : at;
        if (!SLUG.matcher(slug).matches()) {
            problems.error(slugAt, "slug \"" + slug + "\" must be lower-case letters, digits and hyphens (e.g. about)");
            return Optional.empty();
        }
        if (RESERVED_SLUGS.contains(slug)) {
            problems.error(slugAt, "slug \"" + slug + "\" is a folder the site already uses; choose another");
            return Optional.empty();
        }
        Optional<LocalDate> date = Optional.empty();
        if (pf.date() != null) {
            try {
                date = Optional.of(LocalDate.parse(pf.date().strip()));
            } catch (DateTimeException e) {
                problems.error(fm.get().keyAt("date"), "date \"" + pf.date() + "\" is not a date as YYYY-MM-DD");
                return Optional.empty();
            }
        }
        String description = pf.description() != null ? pf.description().strip() : pf.title().strip();
        Optional<String> html = html(fm.get(), problems);
        if (html.isEmpty()) return Optional.empty();
        return Optional.of(new SitePage(slug, pf.title().strip(), description, date, html.get(), at));
    }

    private void note(Path f, Map<LocalDate, Note> dayNotes, List<EditorialSource.PaperNote> paperNotes,
                      Problems problems) {
        Optional<FrontMatter> fm = read(f, problems);
        if (fm.isEmpty()) return;
        Optional<NoteFront> front = fm.get().readWarningOnUnknownKeys(NoteFront.KEYS, NoteFront::of, problems);
        if (front.isEmpty()) return;
        if (Boolean.TRUE.equals(front.get().draft())) {
            problems.warning(fm.get().keyAt("draft"), "draft: not shown (remove \"draft: true\" to publish it)");
            return;
        }
        Optional<String> rendered = html(fm.get(), problems);
        if (rendered.isEmpty()) return;
        String html = rendered.get();
        Note note = new Note(html, Markdown.text(html), SourceRef.of(f, 1), Optional.ofNullable(front.get().title()));
        if (html.isBlank()) problems.warning(note.source(), "empty note");
        String paper = front.get().paper();
        if (paper != null) {
            if (paper.isBlank()) {
                problems.error(fm.get().keyAt("paper"), "\"paper:\" is empty: name the paper by its title or arXiv id");
                return;
            }
            paperNotes.add(new EditorialSource.PaperNote(paper.strip(), fm.get().keyAt("paper"), note));
            return;
        }
        String name = f.getFileName().toString();
        if (!DAY_NOTE.matcher(name).matches()) {
            problems.error(SourceRef.of(f, 1), "a note is either notes/YYYY-MM-DD.md (a note on that day) or has "
                    + "\"paper: <title or arXiv id>\" in its front matter");
            return;
        }
        try {
            dayNotes.put(LocalDate.parse(stem(f)), note);
        } catch (DateTimeException e) {
            problems.error(SourceRef.of(f, 1), "\"" + stem(f) + "\" is not a date");
        }
    }

    /** The body's HTML, or empty after reporting Markdown nested too deep to render at its line. */
    private Optional<String> html(FrontMatter fm, Problems problems) {
        try {
            return Optional.of(markdown.toHtmlChecked(fm.body()));
        } catch (Markdown.TooDeep e) {
            problems.error(SourceRef.of(fm.file(), fm.bodyLine() + e.line - 1), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<FrontMatter> read(Path f, Problems problems) {
        return DecodedText.read(f, problems).flatMap(text -> FrontMatter.split(f, text, problems));
    }

    /** The *.md files directly in {@code dir}, sorted; anything else there is reported. */
    private static List<Path> markdownFiles(Path dir, Problems problems) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> {
                        if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".md")) return true;
                        problems.warning(SourceRef.file(f), "skipped: not a Markdown file (*.md)");
                        return false;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.error(SourceRef.file(dir), "cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".md") ? n.substring(0, n.length() - 3) : n;
    }
}
