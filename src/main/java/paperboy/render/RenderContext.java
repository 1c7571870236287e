package paperboy.render;

import java.nio.file.Path;
import paperboy.config.SiteConfig;

/** What every renderer may read besides the digest. */
public record RenderContext(SiteConfig config, Templates templates, Path templatesDir) {}
