package paperboy.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import paperboy.build.BuildFailed;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.problems.Problems;
import paperboy.render.RenderException;
import paperboy.render.Templates;
import paperboy.render.newsletter.Editions;
import paperboy.render.newsletter.MimeEdition;
import paperboy.render.newsletter.Newsletters;

/** What the newsletter and send commands share: config, the loaded digest, the chosen days' editions. */
final class EditionLoader {
    /** The editions asked for, with what is needed to turn them into messages; or an exit code. */
    record Loaded(SiteConfig config, URI base, List<MimeEdition.Parts> editions) {}

    /** Thrown after the reason has been printed. */
    static final class Failed extends Exception {
        final int exitCode;

        Failed(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    private EditionLoader() {}

    /**
     * @param date the day, or null for the latest (ignored when {@code all})
     */
    static Loaded load(SiteOptions site, LocalDate date, boolean all, PrintWriter err) throws Failed {
        Optional<SiteConfig> config = site.config(err);
        if (config.isEmpty()) throw new Failed(ExitCodes.BAD_INPUT);
        if (config.get().baseUrl().isEmpty()) {
            err.println("error: an e-mail needs absolute links: set baseUrl in paperboy.yml or pass --base-url");
            throw new Failed(ExitCodes.BAD_INPUT);
        }
        URI base = config.get().baseUrl().get();
        Optional<ThemeAssigner> themes = site.themes(config.get(), err);
        if (themes.isEmpty()) throw new Failed(site.themesExitCode());
        Digest digest;
        try {
            Problems problems = new Problems();
            digest = SiteBuild.digest(site.request(config.get(), themes.get()), problems);
            SiteOptions.print(err, problems.sorted());
        } catch (BuildFailed e) {
            SiteOptions.print(err, e.problems());
            err.println("error: " + e.getMessage());
            throw new Failed(ExitCodes.BAD_INPUT);
        }
        List<Day> days;
        if (all) {
            days = digest.days();
        } else if (date != null) {
            days = digest.day(date).map(List::of).orElse(List.of());
            if (days.isEmpty()) {
                err.println("error: --date " + date + ": no listings that day; days with listings: "
                        + digest.days().stream().map(d -> d.date().toString()).collect(Collectors.joining(", ")));
                throw new Failed(ExitCodes.BAD_INPUT);
            }
        } else {
            days = digest.latestDay().map(List::of).orElse(List.of());
            if (days.isEmpty()) {
                err.println("error: " + site.content + " has no listings, so there is no edition to make");
                throw new Failed(ExitCodes.BAD_INPUT);
            }
        }
        try {
            Templates templates = Templates.from(site.templates);
            Editions editions = new Editions(digest, config.get(), base);
            List<MimeEdition.Parts> parts = days.stream().map(d -> Newsletters.edition(d, editions, templates)).toList();
            return new Loaded(config.get(), base, parts);
        } catch (RenderException e) {
            err.println("error: " + e.getMessage());
            if (site.verbose) e.printStackTrace(err);
            throw new Failed(ExitCodes.BAD_INPUT);
        }
    }
}
