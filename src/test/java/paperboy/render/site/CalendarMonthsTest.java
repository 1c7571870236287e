package paperboy.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paperboy.render.view.CalendarCell;
import paperboy.render.view.DayRef;

class CalendarMonthsTest {
    static DayRef day(String iso) {
        return new DayRef(iso, iso, iso, "days/" + iso + "/index.html", 3, 1);
    }

    @Test
    void aMonthStartingOnMondayHasNoLeadingBlanksAndFullWeeks() {
        // September 2025 starts on a Monday and has 30 days: 5 weeks, the last one padded.
        List<List<CalendarCell>> weeks = CalendarMonths.weeks(List.of(day("2025-09-15")));
        assertThat(weeks).hasSize(5).allMatch(w -> w.size() == 7);
        assertThat(weeks.get(0).get(0).dayOfMonth()).isEqualTo(1);
        assertThat(weeks.get(4).stream().map(CalendarCell::dayOfMonth)).containsExactly(29, 30, 0, 0, 0, 0, 0);
        assertThat(weeks.get(2).get(0).day()).isEqualTo(day("2025-09-15"));
        assertThat(weeks.stream().flatMap(List::stream).filter(c -> c.day() != null)).hasSize(1);
    }

    @Test
    void februaryOfALeapYearStartingOnSundayIsLaidOutFromTheSeventhColumn() {
        // February 2032 starts on a Sunday and has 29 days.
        List<List<CalendarCell>> weeks = CalendarMonths.weeks(List.of(day("2032-02-29"), day("2032-02-01")));
        assertThat(weeks.get(0).stream().map(CalendarCell::dayOfMonth)).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(weeks.get(0).get(6).day()).isNotNull();
        List<CalendarCell> last = weeks.get(weeks.size() - 1);
        assertThat(last.stream().filter(c -> c.dayOfMonth() == 29).findFirst().orElseThrow().day()).isNotNull();
    }
}
