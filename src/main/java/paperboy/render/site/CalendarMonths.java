package paperboy.render.site;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paperboy.render.view.CalendarCell;
import paperboy.render.view.DayRef;

/** Lays out one month of the archive as calendar weeks (Monday first), so readers see which days have listings. */
final class CalendarMonths {
    private CalendarMonths() {}

    /** @param days days of one month that have listings (any order, at least one) */
    static List<List<CalendarCell>> weeks(List<DayRef> days) {
        Map<Integer, DayRef> byDay = new HashMap<>();
        for (DayRef d : days) byDay.put(LocalDate.parse(d.iso()).getDayOfMonth(), d);
        YearMonth month = YearMonth.from(LocalDate.parse(days.get(0).iso()));
        List<List<CalendarCell>> weeks = new ArrayList<>();
        List<CalendarCell> week = new ArrayList<>();
        int lead = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < lead; i++) week.add(new CalendarCell(0, null));
        for (int dom = 1; dom <= month.lengthOfMonth(); dom++) {
            week.add(new CalendarCell(dom, byDay.get(dom)));
            if (week.size() == 7) {
                weeks.add(List.copyOf(week));
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) week.add(new CalendarCell(0, null));
            weeks.add(List.copyOf(week));
        }
        return List.copyOf(weeks);
    }
}
