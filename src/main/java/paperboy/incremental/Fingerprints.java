package paperboy.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.TreeMap;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;

/** Content hashes for the build cache. */
public final class Fingerprints {
    private Fingerprints() {}

    /** A SHA-256 builder over named parts and whole folders. */
    public static final class Sha {
        private final MessageDigest md;

        public Sha() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        public Sha text(String label, String value) {
            byte[] b = (label + "\u0000" + value + "\u0000").getBytes(StandardCharsets.UTF_8);
            md.update(b);
            return this;
        }

        /** Every regular file under {@code dir}, by relative path and content; a missing folder counts as empty. */
        public Sha tree(String label, Path dir) throws IOException {
            return tree(label, dir, Map.of(), new HashMap<>());
        }

        /**
         * As {@link #tree(String, Path)}, but a file whose size and modification time equal those in {@code known}
         * is taken to have the content hash recorded there (as git's index does), so an unchanged folder is
         * checked without reading it. Every file's record goes into {@code seen}.
         */
        public Sha tree(String label, Path dir, Map<String, InputFile> known, Map<String, InputFile> seen)
                throws IOException {
            text(label, dir.toString());
            if (!Files.isDirectory(dir)) return text(label, "<none>");
            // One stat per file (the walk's own): Files.walk then isRegularFile and readAttributes made it three.
            Map<Path, BasicFileAttributes> files = new TreeMap<>();
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        try {
                            attrs = Files.readAttributes(file, BasicFileAttributes.class); // a linked file counts
                        } catch (IOException broken) {
                            return FileVisitResult.CONTINUE;
                        }
                    }
                    if (attrs.isRegularFile()) files.put(file, attrs);
                    return FileVisitResult.CONTINUE;
                }
            });
            for (var e : files.entrySet()) {
                Path f = e.getKey();
                BasicFileAttributes a = e.getValue();
                String key = label + "/" + dir.relativize(f).toString().replace('\\', '/');
                long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                InputFile k = known.get(key);
                InputFile now = k != null && k.size() == a.size() && k.mtimeNanos() == mtime
                        ? k : new InputFile(sha256(f), a.size(), mtime);
                seen.put(key, now);
                text(key, now.sha());
            }
            return this;
        }

        public String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /** What the cache remembers of one input file. */
    public record InputFile(String sha, long size, long mtimeNanos) {}

    static String sha256(Path f) throws IOException {
        Sha s = new Sha();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) s.md.update(buf, 0, n);
        }
        return s.hex();
    }
}
