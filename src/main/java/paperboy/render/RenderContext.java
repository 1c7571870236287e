package paperboy.render;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;
import paperboy.model.ThemeActivity;

/**
 * What every renderer may read besides the digest.
 *
 * @param shared what the renderers of one build compute once and share (cleaned paper texts)
 * @param scope  which outputs to render: all, or those a change reaches
 */
public record RenderContext(SiteConfig config, Templates templates, Path templatesDir, Shared shared, Scope scope) {

    public RenderContext(SiteConfig config, Templates templates, Path templatesDir) {
        this(config, templates, templatesDir, new Shared(), Scope.all());
    }

    /** The same context, rendering only the outputs in {@code s}. */
    public RenderContext within(Scope s) {
        return new RenderContext(config, templates, templatesDir, shared, s);
    }

    /** The cleaned titles and abstracts of {@code digest}'s papers, shared by every renderer of this context. */
    public PaperTexts texts(Digest digest) {
        return shared.texts(digest);
    }

    /**
     * The papers as the search, the data files and the sitemaps number them: by day first seen, then listing
     * order ({@link Digest#firstSeenOrder}); found once per build and shared.
     */
    public java.util.List<paperboy.model.Paper> inFirstSeenOrder(Digest digest) {
        return shared.order(digest);
    }

    /**
     * The days of {@code digest} as counts ({@link ArchiveDays}): a scoped render takes them from the kept data
     * index; found once per build and shared.
     */
    public ArchiveDays days(Digest digest) {
        return shared.days(digest, scope);
    }

    /**
     * The themes' listings per day of {@code digest}: as given ({@link #withThemeActivity}) when it fits the
     * digest, else counted once per build (a walk over every listing).
     */
    public ThemeActivity themeActivity(Digest digest) {
        return shared.activity(digest);
    }

    /**
     * The same context, with the themes' listings per day known (kept between builds, so that a daily render walks
     * nothing): used for a digest it fits.
     */
    public RenderContext withThemeActivity(ThemeActivity activity) {
        return new RenderContext(config, templates, templatesDir, new Shared(activity), scope);
    }

    /** Per-build memo of the renderers; a context used with another digest starts afresh. */
    public static final class Shared {
        private final AtomicReference<PaperTexts> texts = new AtomicReference<>();
        private java.util.List<paperboy.model.Paper> order;
        private Digest orderOf;
        private final ThemeActivity given;
        private ThemeActivity activity;
        private Digest activityOf;

        public Shared() {
            this(null);
        }

        private Shared(ThemeActivity given) {
            this.given = given;
        }

        synchronized ThemeActivity activity(Digest digest) {
            if (activity == null || activityOf != digest) {
                activity = given != null && given.fits(digest) ? given : ThemeActivity.counted(digest);
                activityOf = digest;
            }
            return activity;
        }
        private ArchiveDays days;
        private Digest daysOf;
        private Scope daysIn;

        /** Found by the first renderer that asks; the others wait for it. */
        synchronized ArchiveDays days(Digest digest, Scope scope) {
            if (days == null || daysOf != digest || daysIn != scope) {
                days = ArchiveDays.of(digest, scope);
                daysOf = digest;
                daysIn = scope;
            }
            return days;
        }

        /** Found by the first renderer that asks; the others wait for it rather than walk the archive too. */
        synchronized java.util.List<paperboy.model.Paper> order(Digest digest) {
            if (order == null || orderOf != digest) {
                order = digest.firstSeenOrder();
                orderOf = digest;
            }
            return order;
        }

        PaperTexts texts(Digest digest) {
            PaperTexts t = texts.get();
            if (t != null && t.isOf(digest)) return t;
            PaperTexts fresh = new PaperTexts(digest);
            return texts.compareAndSet(t, fresh) ? fresh : texts(digest);
        }

        @Override
        public String toString() {
            return "Shared";
        }
    }
}
