package paperboy.warmup;

import java.util.List;

/**
 * Loads the libraries a build is about to need on a spare core while the build's own thread reads the config
 * and parses. A short build is dominated by the JVM loading, verifying and first running the classes of
 * Jackson, FreeMarker, flexmark, jsoup, Lucene and Jakarta Mail, one after another on one thread; a
 * small throw-away call to each here loads them in parallel with that thread. Nothing here touches the
 * build's inputs or outputs, and a failure only means no head start: it is ignored.
 */
public final class Warmup {
    private Warmup() {}

    /** Starts the warm-up on a daemon thread, which runs {@code steps} in order and then ends. */
    public static Thread start(List<Runnable> steps) {
        Thread t = new Thread(() -> steps.forEach(Warmup::quietly), "paperboy-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** The libraries of a site build, roughly in the order the build needs them. */
    public static List<Runnable> siteBuild() {
        return List.of(
                Warmup::markdown,
                Warmup::lucene,
                Warmup::json,
                Warmup::mail);
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (Throwable e) {
            // only a lost head start
        }
    }

    /** The YAML reader of paperboy.yml, themes.yml and front matter. */
    public static void yaml() {
        paperboy.parse.YamlTree.read(java.nio.file.Path.of("warm-up.yml"), "title: warm\nlist: [a, b]\n", 1, "",
                new paperboy.parse.Problems());
    }

    private static void markdown() {
        new paperboy.editorial.Markdown(paperboy.config.MarkdownConfig.defaults())
                .toHtml("# Warm\n\nSome *text* with a [link](https://example.org/) and `code`.\n\n- one\n- two\n");
    }

    private static void lucene() {
        new paperboy.themes.TermAnalyzer().tokens("Warming up transformer-based language models for retrieval.");
    }

    private static void json() {
        try {
            var gen = new com.fasterxml.jackson.core.JsonFactory().createGenerator(new java.io.StringWriter());
            gen.writeStartObject();
            gen.writeStringField("warm", "up");
            gen.writeEndObject();
            gen.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void mail() {
        try {
            var m = new jakarta.mail.internet.MimeMessage(paperboy.render.newsletter.MimeEdition.offlineSession());
            m.setSubject("warm", "UTF-8");
            m.setText("warm up é", "UTF-8");
            m.saveChanges();
            m.writeTo(java.io.OutputStream.nullOutputStream());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
