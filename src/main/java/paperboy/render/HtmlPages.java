package paperboy.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
        Views views = new Views(digest, ctx.config(), ctx.texts(digest));
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(SitePaths.HOME, "home.ftlh", views::homePage));
        ArchivePages archive = new ArchivePages(digest, views, ctx.config().title());
        jobs.add(new Job(SitePaths.ARCHIVE, "archive.ftlh", archive::index));
        for (int year : archive.years()) {
            jobs.add(new Job(ArchivePages.yearPath(year), "archive-year.ftlh", () -> archive.year(year)));
        }
        jobs.add(new Job(SitePaths.NOT_FOUND, "404.ftlh", views::notFoundPage));
        for (Day d : digest.days()) {
            String path = SitePaths.day(d.date());
            jobs.add(new Job(path, "day.ftlh", () -> views.dayPage(d, path)));
        }
        for (Paper p : digest.papers()) {
            String path = SitePaths.paper(p.slug());
            jobs.add(new Job(path, "paper.ftlh", () -> views.paperPage(p, path)));
        }
        // Rendered by PagedRenderer: in parallel, or only the changed ones in an incremental build.
        return jobs.stream().map(j -> new Page(j.path, j.template, j.model)).toList();
    }

    private record Job(String path, String template, Supplier<Object> model) {}
}
