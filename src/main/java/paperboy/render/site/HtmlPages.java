package paperboy.render.site;

import paperboy.render.ArchiveDays;
import paperboy.render.Page;
import paperboy.render.PagedRenderer;
import paperboy.render.RenderContext;
import paperboy.render.Scope;
import paperboy.render.SitePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Paper;

/** The HTML page kinds: home, one page per day and per paper, archive (and per year), 404. Rendered in parallel. */
public final class HtmlPages implements PagedRenderer {

    @Override
    public String name() {
        return "html";
    }

    @Override
    public List<Page> pages(Digest digest, RenderContext ctx) {
        ArchiveDays all = ctx.days(digest);
        Views views = new Views(digest, ctx.config(), ctx.texts(digest), all);
        ViewInputs inputs = new ViewInputs(digest, all);
        List<Page> pages = new ArrayList<>();
        pages.add(new Page(SitePaths.HOME, "home.ftlh", views::homePage));
        ArchivePages archive = new ArchivePages(digest, views, ctx.config().title());
        pages.add(new Page(SitePaths.ARCHIVE, "archive.ftlh", archive::index));
        Scope scope = ctx.scope();
        for (int year : archive.years()) {
            if (!scope.year(year)) continue;
            pages.add(new Page(ArchivePages.yearPath(year), "archive-year.ftlh", () -> archive.year(year)));
        }
        pages.add(new Page(SitePaths.NOT_FOUND, "404.ftlh", views::notFoundPage));
        // A scoped build names its few days: only those are read.
        List<Integer> dayIndexes = scope.everything() ? java.util.stream.IntStream.range(0, all.size()).boxed().toList()
                : scope.days().stream().map(all::indexOf).filter(java.util.OptionalInt::isPresent)
                        .map(java.util.OptionalInt::getAsInt).sorted().toList();
        for (int index : dayIndexes) {
            Day d = all.day(index);
            String path = SitePaths.day(d.date());
            pages.add(new Page(path, "day.ftlh", () -> views.dayPage(d, path),
                    Optional.of(() -> inputs.day(d, index))));
        }
        // A scoped build names its few papers; looking each of the archive's papers up in the scope would not be few.
        List<Paper> papers = scope.everything() ? digest.papers()
                : scope.papers().stream().sorted().map(digest.papersBySlug()::get).filter(java.util.Objects::nonNull).toList();
        for (Paper p : papers) {
            String path = SitePaths.paper(p.slug());
            pages.add(new Page(path, "paper.ftlh", () -> views.paperPage(p, path),
                    Optional.of(() -> inputs.paper(p))));
        }
        // Rendered by PagedRenderer: in parallel, or only the changed ones in an incremental build.
        return pages;
    }
}
