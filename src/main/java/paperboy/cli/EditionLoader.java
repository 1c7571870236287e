package paperboy.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
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
        return load(site, date, all, null, err);
    }

    /**
     * @param week null for daily editions; else the weekly editions: "" for the week of {@code date} (the latest
     *             week without one, every week with {@code all}), or an ISO week such as "2025-W07"
     */
    static Loaded load(SiteOptions site, LocalDate date, boolean all, String week, PrintWriter err) throws Failed {
        Optional<SiteConfig> config = site.config(err);
        if (config.isEmpty()) throw new Failed(ExitCodes.BAD_INPUT);
        if (config.get().baseUrl().isEmpty()) {
            err.println("error: an e-mail needs absolute links: set baseUrl in paperboy.yml or pass --base-url");
            throw new Failed(ExitCodes.BAD_INPUT);
        }
        URI base = config.get().baseUrl().get();
        Optional<ThemeAssigner> themes = site.themes(config.get(), err);
        if (themes.isEmpty()) throw new Failed(site.themesExitCode());
        Digest digest = site.digest(config.get(), themes.get(), err).orElseThrow(() -> new Failed(ExitCodes.BAD_INPUT));
        if (week != null) return weekly(site, config.get(), base, digest, date, all, week, err);
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

    private static Loaded weekly(SiteOptions site, SiteConfig config, URI base, Digest digest, LocalDate date,
                                 boolean all, String week, PrintWriter err) throws Failed {
        Templates templates;
        try {
            templates = Templates.from(site.templates);
        } catch (RenderException e) {
            err.println("error: " + e.getMessage());
            throw new Failed(ExitCodes.BAD_INPUT);
        }
        paperboy.render.site.PeriodPages.Builder periods = new paperboy.render.site.PeriodPages.Builder(digest,
                new paperboy.render.site.Views(digest, config));
        List<paperboy.render.Period> weeks = periods.weeks();
        String key = !week.isEmpty() ? week : date != null ? paperboy.render.Period.weekKey(date) : null;
        List<paperboy.render.Period> chosen = all ? weeks
                : key != null ? weeks.stream().filter(w -> w.key().equals(key)).toList()
                : weeks.isEmpty() ? List.of() : List.of(weeks.get(weeks.size() - 1));
        if (chosen.isEmpty()) {
            err.println("error: " + (key != null ? "week " + key + ": no listings that week; weeks with listings: "
                    + weeks.stream().map(paperboy.render.Period::key).collect(Collectors.joining(", "))
                    : site.content + " has no listings, so there is no edition to make"));
            throw new Failed(ExitCodes.BAD_INPUT);
        }
        Editions editions = new Editions(digest, config, base);
        try {
            return new Loaded(config, base, chosen.stream()
                    .map(w -> Newsletters.weeklyParts(editions.weekly(periods, w), templates, w)).toList());
        } catch (RenderException e) {
            err.println("error: " + e.getMessage());
            throw new Failed(ExitCodes.BAD_INPUT);
        }
    }
}
