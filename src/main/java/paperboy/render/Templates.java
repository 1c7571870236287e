package paperboy.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The FreeMarker templates of one build. {@code .ftlh} templates auto-escape HTML, {@code .ftlx} XML. Models
 * are records: FreeMarker 2.3.33+ exposes record components as {@code obj.name}. Thread-safe once built:
 * pages render in parallel against one compiled template set.
 */
public final class Templates {
    private static final Version VERSION = Configuration.VERSION_2_3_34;
    private final Configuration cfg;
    /**
     * Each rendering thread's buffer, grown to its largest page and reused: a fresh one per page was a tenth of
     * a full build's allocation (16 KB, then doubled and copied as the page grew).
     */
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    private static final class Buffer {
        final Utf8Writer writer = new Utf8Writer(16 * 1024);
        boolean inUse;
    }

    private Templates(Configuration cfg) {
        this.cfg = cfg;
    }

    /** The templates of {@code dir} over the built-in ones (see {@link TemplateFiles}); no folder: the built-in ones. */
    public static Templates from(Path dir) {
        Configuration cfg = new Configuration(VERSION);
        TemplateLoader builtIn = new ClassTemplateLoader(Templates.class, TemplateFiles.BUILT_IN);
        if (dir != null && Files.isDirectory(dir)) {
            try {
                cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(dir.toFile()), builtIn}));
            } catch (IOException e) {
                throw new RenderException(dir + ": cannot read templates: " + e.getMessage(), e);
            }
        } else {
            cfg.setTemplateLoader(builtIn);
        }
        RecordWrapper wrapper = new RecordWrapper(VERSION);
        wrapper.writeProtect();
        cfg.setObjectWrapper(wrapper);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE); // one build, templates do not change under it
        return new Templates(cfg);
    }

    /**
     * Compiles every top-level template now (FreeMarker caches them), so a build can do this on a spare core
     * while it parses. A template that does not compile is left for {@link #render} to report.
     */
    public Templates preload(Path dir) {
        try {
            for (String name : TemplateFiles.list(dir, "").keySet()) {
                if (!name.contains("/") && (name.endsWith(".ftlh") || name.endsWith(".ftlx") || name.endsWith(".ftl"))) {
                    try {
                        cfg.getTemplate(name);
                    } catch (IOException e) {
                        // reported with its location when a page uses it
                    }
                }
            }
        } catch (java.io.UncheckedIOException | RenderException e) {
            // the same: render() reports what cannot be read
        }
        return this;
    }

    /** Renders {@code name} with the model exposed as {@code page}. */
    public String render(String name, Object model) {
        StringBuilderWriter out = new StringBuilderWriter();
        process(name, model, out);
        return out.toString();
    }

    /** The same as UTF-8 bytes, what a file of the site holds, without the text in between. */
    public byte[] renderBytes(String name, Object model) {
        Buffer b = buffers.get();
        if (b.inUse) { // a page rendered while rendering another: its own buffer
            Utf8Writer out = new Utf8Writer(16 * 1024);
            process(name, model, out);
            return out.toByteArray();
        }
        b.inUse = true;
        try {
            b.writer.reset();
            process(name, model, b.writer);
            return b.writer.toByteArray();
        } finally {
            b.inUse = false;
        }
    }

    private void process(String name, Object model, java.io.Writer out) {
        try {
            Template t = cfg.getTemplate(name);
            t.process(Map.of("page", model), out);
        } catch (TemplateException e) {
            // Point at the template line that failed (an included file's, if that is where it was).
            String where = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            String line = e.getLineNumber() != null ? ":" + e.getLineNumber() : "";
            throw new RenderException("templates/" + where + line + ": " + e.getMessageWithoutStackTop().strip(), e);
        } catch (IOException e) {
            throw new RenderException("templates/" + name + ": " + e.getMessage(), e);
        }
    }

    /** A {@link java.io.StringWriter} without the locking of its {@code StringBuffer}: one page, one thread. */
    private static final class StringBuilderWriter extends java.io.Writer {
        private final StringBuilder sb = new StringBuilder(8192);

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            sb.append(str, off, off + len);
        }

        @Override
        public java.io.Writer append(CharSequence csq) {
            sb.append(csq);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
