package paperboy.render.view;

/**
 * One cell of an archive month calendar.
 *
 * @param dayOfMonth 1..31, or 0 for the blank cells before the first and after the last day of the month
 * @param day        the day's listings, or null when nothing was listed that day
 */
public record CalendarCell(int dayOfMonth, DayRef day) {}
