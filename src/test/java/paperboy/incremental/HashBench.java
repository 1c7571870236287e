package paperboy.incremental;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperboy.build.SiteBuild;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.problems.Problems;
import paperboy.render.RecordComponents;
import paperboy.render.RenderContext;
import paperboy.render.Templates;
import paperboy.render.site.HtmlPages;
import paperboy.themes.Themes;

/**
 * Not a test: times {@link ModelHash} against SHA-256 fed by the same walk over the sample's page models.
 * {@code java -cp target/classes:target/test-classes:target/paperboy.jar paperboy.incremental.HashBench}
 */
public class HashBench {
    public static void main(String[] a) throws Exception {
        SiteConfig c = ConfigLoader.load(Path.of("paperboy.yml"), true, new Problems()).orElseThrow();
        var req = new SiteBuild.Request(Path.of("content"), Path.of("target/x"), Path.of("templates"), c,
                Themes.forBuild(c.themes(), null, Path.of("content")));
        var digest = SiteBuild.digest(req, new Problems());
        RenderContext ctx = new RenderContext(c, Templates.from(Path.of("templates")), Path.of("templates"));
        List<Object> models = new HtmlPages().pages(digest, ctx).stream().map(p -> p.model().get()).toList();
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int n = 0;
            for (int i = 0; i < 20; i++) for (Object m : models) n += ModelHash.of("x", m).length();
            long t1 = System.nanoTime();
            for (int i = 0; i < 20; i++) for (Object m : models) n += sha(m).length;
            long t2 = System.nanoTime();
            System.out.printf("models %d x20: ModelHash %d ms, SHA-256 walk %d ms (%d)%n", models.size(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, n);
        }
    }

    static byte[] sha(Object m) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        walk(md, m);
        return md.digest();
    }

    static void walk(MessageDigest md, Object o) {
        if (o == null) md.update((byte) 1);
        else if (o instanceof String s) { md.update((byte) 2); md.update(s.getBytes(StandardCharsets.UTF_8)); }
        else if (o instanceof Record r) { md.update((byte) 3); for (var comp : RecordComponents.of(r.getClass())) walk(md, comp.get(r)); }
        else if (o instanceof Collection<?> c) { md.update((byte) 4); for (Object e : c) walk(md, e); }
        else if (o instanceof Map<?, ?> m) { md.update((byte) 5); m.forEach((k, v) -> { walk(md, k); walk(md, v); }); }
        else if (o instanceof Optional<?> op) { md.update((byte) 6); walk(md, op.orElse(null)); }
        else { md.update((byte) 7); md.update(o.toString().getBytes(StandardCharsets.UTF_8)); }
    }
}
