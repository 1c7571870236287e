package paperboy.render;

import paperboy.render.site.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page writer must give exactly the bytes of {@code String.getBytes(UTF_8)}, however the text is split. */
class Utf8WriterTest {

    @Test
    void sameBytesAsGetBytesForAnyTextAndAnySplit() {
        Random random = new Random(42);
        char[] alphabet = {'a', '<', '&', ' ', 'é', '—', '…', '€', '\uD83D', '\uDE00', '\uD835', '\uDC9C', '\u0000', '\u07FF', '\u0800', '\uFFFF'};
        Utf8Writer reused = new Utf8Writer(1); // as a rendering thread reuses its writer, page after page
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) text.append(alphabet[random.nextInt(alphabet.length)]);
            String s = text.toString();
            Utf8Writer w = round % 2 == 0 ? new Utf8Writer(1) : reused;
            w.reset();
            for (int i = 0; i < s.length(); ) {
                int len = Math.min(s.length() - i, random.nextInt(5));
                switch (random.nextInt(3)) {
                    case 0 -> w.write(s, i, len);
                    case 1 -> w.write(s.toCharArray(), i, len);
                    default -> {
                        len = Math.min(len, 1);
                        if (len == 1) w.write(s.charAt(i));
                    }
                }
                i += len;
            }
            assertThat(w.toByteArray()).as("%s", s.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPageRendersToTheSameBytesAsItsText() {
        Templates t = Templates.from(java.nio.file.Path.of("templates"));
        var views = new Views(paperboy.testing.Samples.themedDigest(), paperboy.testing.Samples.config());
        Object home = views.homePage();
        assertThat(t.renderBytes("home.ftlh", home)).isEqualTo(t.render("home.ftlh", home).getBytes(StandardCharsets.UTF_8));
    }
}
