package paperboy.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.render.data.DigestJson;
import paperboy.testing.Samples;

/** The days' counts a scoped render links and pages with: from the kept data index where it agrees, else counted. */
class ArchiveDaysTest {
    private final Digest digest = Samples.sampleDigest();
    private final RenderContext ctx = Samples.context(Samples.config());

    @Test
    void countsEveryDayAsTheDigestHasIt() {
        ArchiveDays days = ArchiveDays.counted(digest);
        assertThat(days.size()).isEqualTo(digest.days().size());
        int papersFirstListed = 0;
        for (int i = 0; i < days.size(); i++) {
            Day d = digest.days().get(i);
            assertThat(days.date(i)).isEqualTo(d.date());
            assertThat(days.listings(i)).isEqualTo(d.listings().size());
            assertThat(days.newCount(i)).isEqualTo(d.newCount());
            assertThat(days.firstSeenStart(i)).as("first new paper of " + d.date()).isEqualTo(papersFirstListed);
            assertThat(days.indexOf(d.date())).hasValue(i);
            papersFirstListed += digest.firstListed(d).size();
        }
        assertThat(days.firstSeenStart(days.size())).isEqualTo(digest.firstSeenOrder().size());
    }

    @Test
    void periodsFromTheCountsAreThoseOfTheDays() {
        ArchiveDays days = ArchiveDays.counted(digest);
        for (var pair : List.of(List.of(Period.weeks(days), Period.weeks(digest.days())),
                List.of(Period.months(days), Period.months(digest.days())))) {
            assertThat(pair.get(0)).hasSameSizeAs(pair.get(1));
            for (int i = 0; i < pair.get(0).size(); i++) {
                Period a = pair.get(0).get(i), b = pair.get(1).get(i);
                assertThat(List.of(a.key(), a.start(), a.end(), a.dates())).isEqualTo(List.of(b.key(), b.start(), b.end(), b.dates()));
                assertThat(List.copyOf(a.days())).isEqualTo(b.days());
            }
        }
    }

    @Test
    void aScopedRenderTakesTheEarlierDaysFromTheKeptIndex() {
        Map<String, byte[]> kept = new HashMap<>();
        new DigestJson().render(digest, ctx).forEach(o -> kept.put(o.path(), o.bytes()));
        LocalDate latest = digest.latestDay().orElseThrow().date();
        Scope scope = Scope.appended(digest, latest, path -> Optional.ofNullable(kept.get(path)));

        ArchiveDays fromKept = ArchiveDays.of(digest, scope);
        assertThat(fromKept.fromKeptIndex()).isTrue();
        assertThat(fromKept.dates()).isEqualTo(ArchiveDays.counted(digest).dates());
        assertThat(fromKept.firstSeenStart(fromKept.size())).isEqualTo(digest.firstSeenOrder().size());
    }

    @Test
    void aKeptIndexThatEndsElsewhereIsNotUsed() {
        Map<String, byte[]> kept = new HashMap<>();
        new DigestJson().render(digest, ctx).forEach(o -> kept.put(o.path(), o.bytes()));
        String index = new String(kept.get(DigestJson.INDEX), StandardCharsets.UTF_8);
        String latest = digest.latestDay().orElseThrow().date().toString();
        kept.put(DigestJson.INDEX, index.replace(latest, "2999-01-01").getBytes(StandardCharsets.UTF_8));
        Scope scope = Scope.appended(digest, LocalDate.parse(latest), path -> Optional.ofNullable(kept.get(path)));
        assertThat(ArchiveDays.of(digest, scope).fromKeptIndex()).isFalse();
        assertThat(ArchiveDays.of(digest, Scope.appended(digest, LocalDate.parse(latest), path -> Optional.empty()))
                .fromKeptIndex()).as("no kept index").isFalse();
    }
}
