package paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mar 13|2025-03-13", "Aug 7|2025-08-07", "March 13|2025-03-13", "Sept 9|2025-09-09", "Mar 16, 2024|2024-03-16",
            "Mar 16 2024|2024-03-16", "16 Mar 2024|2024-03-16", "2024-03-16|2024-03-16", "mar 1st|2025-03-01", "Dec. 31|2025-12-31"})
    void validForms(String line, String iso) {
        DateLine.Result r = DateLine.classify(line);
        assertThat(r).isInstanceOf(DateLine.Valid.class);
        assertThat(((DateLine.Valid) r).date().withYear(2025)).isEqualTo(LocalDate.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Feb 30", "Apr 31, 2025", "2025-13-01", "2025-02-29", "Jan 0"})
    void dateShapedButNotADate(String line) {
        assertThat(DateLine.classify(line)).isInstanceOf(DateLine.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "Subscribe", "Daily Papers", "May the Force Be With You", "Marching 13 Steps",
            "Mar 13: A Title", "2025 in review"})
    void notDates(String line) {
        assertThat(DateLine.classify(line)).isInstanceOf(DateLine.NotADate.class);
    }
}
