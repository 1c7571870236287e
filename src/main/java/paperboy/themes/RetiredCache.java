package paperboy.themes;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import paperboy.model.Paper;
import paperboy.themes.cache.FittedModel;
import paperboy.write.AtomicFile;

/**
 * The themes the lineage dropped ({@link ThemeLineage.Retired}) for the model kept in the theme cache: a build that
 * takes the fitted model from the cache does not grow the lineage, so it takes these from here
 * ({@code .site.themes-retired} beside the site). Keyed by the fit set and the model; a build that finds the model
 * but not these fits again, so the themes never depend on which cache is there.
 */
final class RetiredCache {
    static final RetiredCache NONE = new RetiredCache(null);
    private static final String MAGIC = "paperboy-retired-themes-1";

    /** null: nothing kept */
    private final Path file;

    private RetiredCache(Path file) {
        this.file = file;
    }

    /** Beside the theme cache file {@code themeCache}. */
    static RetiredCache beside(Path themeCache) {
        return new RetiredCache(themeCache.resolveSibling(themeCache.getFileName() + "-retired"));
    }

    /** What was kept under {@code key}; empty when nothing or something else was. */
    Optional<List<ThemeLineage.Retired>> find(byte[] key) {
        if (file == null || !Files.isRegularFile(file)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!in.readUTF().equals(MAGIC)) return Optional.empty();
            byte[] kept = new byte[key.length];
            in.readFully(kept);
            if (!Arrays.equals(kept, key)) return Optional.empty();
            int n = in.readInt();
            List<ThemeLineage.Retired> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                YearMonth month = YearMonth.parse(in.readUTF());
                int papers = in.readInt();
                List<String> slugs = new ArrayList<>(papers);
                for (int p = 0; p < papers; p++) slugs.add(in.readUTF());
                out.add(new ThemeLineage.Retired(name, month, List.copyOf(slugs)));
            }
            return in.read() == -1 ? Optional.of(List.copyOf(out)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // only a hint: the model is fitted again
        }
    }

    void keep(byte[] key, List<ThemeLineage.Retired> retired) {
        if (file == null) return;
        try {
            AtomicFile.write(file, o -> {
                DataOutputStream out = new DataOutputStream(o);
                out.writeUTF(MAGIC);
                out.write(key);
                out.writeInt(retired.size());
                for (ThemeLineage.Retired r : retired) {
                    out.writeUTF(r.name());
                    out.writeUTF(r.month().toString());
                    out.writeInt(r.paperSlugs().size());
                    for (String s : r.paperSlugs()) out.writeUTF(s);
                }
                out.flush();
            });
        } catch (IOException | RuntimeException e) {
            // Only a hint: without it the next build fits the model again.
        }
    }

    /** The fit set (its papers, which of them are clustered), the model's config and the fitted themes. */
    static byte[] key(List<Paper> papers, boolean[] fit, boolean[] clustered, String config, FittedModel model) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(config.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < papers.size(); i++) {
                if (!fit[i]) continue;
                Paper p = papers.get(i);
                md.update(((clustered[i] ? "c" : "f") + p.slug() + "\n" + p.firstSeen() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (FittedModel.Named n : model.names()) md.update((n.name() + "\n").getBytes(StandardCharsets.UTF_8));
            for (var t : model.clusters().themes()) {
                md.update(Arrays.toString(t.members()).getBytes(StandardCharsets.UTF_8));
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
