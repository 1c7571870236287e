package paperboy.render;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;

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
     * order ({@link PaperOrder}); found once per build and shared.
     */
    public java.util.List<paperboy.model.Paper> inFirstSeenOrder(Digest digest) {
        return shared.order(digest);
    }

    /** Per-build memo of the renderers; a context used with another digest starts afresh. */
    public static final class Shared {
        private final AtomicReference<PaperTexts> texts = new AtomicReference<>();
        private PaperOrder order;

        /** Found by the first renderer that asks; the others wait for it rather than walk the archive too. */
        synchronized java.util.List<paperboy.model.Paper> order(Digest digest) {
            if (order == null || order.digest() != digest) order = PaperOrder.of(digest);
            return order.papers();
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
