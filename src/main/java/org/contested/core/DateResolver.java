package org.contested.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.contested.core.text.Token;
import org.contested.model.DatePrecision;

/**
 * A temporal tagger for news text. Explicit dates resolve as written; partial ones take the year
 * of the closest date named before them in the same text, else the latest such day or month on or
 * before publication; relative ones ("yesterday", "on Thursday", "the next day") resolve against
 * the publication date or the date named just before (CLAIMS.md, Dates).
 *
 * <p>Stateful per article: create one with {@link #forArticle} and feed sentences in order.
 */
public final class DateResolver {
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
      Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
      Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
      Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
      Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
  private static final Map<String, DayOfWeek> WEEKDAYS = Map.of(
      "monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY,
      "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
      "sunday", DayOfWeek.SUNDAY);
  private static final Map<String, Integer> SMALL_NUMBERS = Map.of(
      "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6, "seven", 7, "a", 1, "several", 3);
  private static final java.util.Set<String> YEAR_PREPOSITIONS =
      java.util.Set.of("in", "since", "by", "of", "during", "throughout", "until", "till", "from", "early", "late", "mid",
          // Russian and Ukrainian: "в 2022 году", "с 2014 года", "летом 2023 года", "в конце 2024 года", "у 2022 році"
          "в", "во", "с", "со", "до", "к", "у", "з", "начале", "конце", "середине", "летом", "осенью", "весной", "зимой",
          "початку", "кінці", "середині", "влітку", "восени", "навесні", "взимку");
  /** Russian and Ukrainian month names in the cases dates use (lower case in both languages). */
  private static final Map<String, Integer> CYRILLIC_MONTHS = cyrillicMonths();
  /** "этого года", "в этом году", "цього року": the publication year. */
  private static final java.util.Set<String> THIS = java.util.Set.of("этого", "этом", "текущего", "текущем", "цього", "цьому", "поточного", "поточному");
  private static final java.util.Set<String> LAST = java.util.Set.of("прошлого", "прошлом", "минулого", "минулому");

  private final LocalDate published;
  private Integer yearAnchor;
  private DateMention lastDate;

  private DateResolver(LocalDate published) {
    this.published = published;
  }

  public static DateResolver forArticle(LocalDate published) {
    return new DateResolver(published);
  }

  public LocalDate published() {
    return published;
  }

  /** The last date named so far in the text (for carrying a narrative date), or null. */
  public DateMention lastDate() {
    return lastDate;
  }

  /** Finds and resolves the date expressions of one sentence, in order, updating the context. */
  public List<DateMention> resolve(List<Token> t) {
    List<DateMention> out = new ArrayList<>();
    int i = 0;
    while (i < t.size()) {
      DateMention m = at(t, i);
      if (m != null) {
        out.add(m);
        if (m.precision() != null) {
          lastDate = m;
          yearAnchor = m.date().getYear();
        }
        i = m.end();
      } else {
        i++;
      }
    }
    out.removeIf(m -> m.precision() == null);
    return out;
  }

  private DateMention at(List<Token> t, int i) {
    String w = t.get(i).lower();
    // dd.mm.yyyy, dd.mm.yy, yyyy-mm-dd
    LocalDate numeric = numericDate(w);
    if (numeric != null) {
      return new DateMention(i, i + 1, numeric, DatePrecision.DAY);
    }
    Integer day = dayNumber(w);
    if (day != null && i + 1 < t.size() && monthOf(t.get(i + 1).lower()) != null) {
      int month = monthOf(t.get(i + 1).lower());
      int end = i + 2;
      Integer year = end < t.size() ? yearNumber(t.get(end).lower()) : null;
      if (year != null) {
        end++;
      }
      return dayMonth(i, end, day, month, year);
    }
    if (monthOf(w) != null && (CYRILLIC_MONTHS.containsKey(w) || isMonthUse(t, i))) {
      int month = monthOf(w);
      int j = i + 1;
      if (j < t.size() && dayNumber(t.get(j).lower()) != null && !(j + 1 < t.size() && t.get(j + 1).lower().equals("%"))) {
        int d = dayNumber(t.get(j).lower());
        int end = j + 1;
        if (end < t.size() && t.get(end).lower().equals(",")) {
          end++;
        }
        Integer year = end < t.size() ? yearNumber(t.get(end).lower()) : null;
        if (year == null) {
          end = j + 1;
        } else {
          end++;
        }
        return dayMonth(i, end, d, month, year);
      }
      if (j < t.size() && yearNumber(t.get(j).lower()) != null) {
        return new DateMention(i, j + 1, LocalDate.of(yearNumber(t.get(j).lower()), month, 1), DatePrecision.MONTH);
      }
      // "September of the same year"
      if (j + 3 < t.size() && t.get(j).lower().equals("of") && t.get(j + 2).lower().equals("same") && t.get(j + 3).lower().equals("year") && yearAnchor != null) {
        return new DateMention(i, j + 4, LocalDate.of(yearAnchor, month, 1), DatePrecision.MONTH);
      }
      LocalDate d = LocalDate.of(published.getYear(), month, 1);
      if (d.isAfter(published)) {
        d = d.minusYears(1);
      }
      if (yearAnchor != null && lastDate != null) {
        d = LocalDate.of(yearAnchor, month, 1);
        // An inferred year never puts a report's event after its publication.
        if (d.isAfter(published)) {
          d = d.minusYears(1);
        }
      }
      return new DateMention(i, i + 1, d, DatePrecision.MONTH);
    }
    Integer year = yearNumber(w);
    if (year != null) {
      boolean claimYear = i > 0 && YEAR_PREPOSITIONS.contains(t.get(i - 1).lower());
      if (claimYear) {
        return new DateMention(i, i + 1, LocalDate.of(year, 1, 1), DatePrecision.YEAR);
      }
      yearAnchor = year;
      return null;
    }
    if ((THIS.contains(w) || LAST.contains(w)) && i + 1 < t.size() && isYearWord(t.get(i + 1).lower())) {
      int y = published.getYear() - (LAST.contains(w) ? 1 : 0);
      return new DateMention(i, i + 2, LocalDate.of(y, 1, 1), DatePrecision.YEAR);
    }
    switch (w) {
      case "вчера":
      case "вчора":
      case "учора":
      case "yesterday":
        return new DateMention(i, i + 1, published.minusDays(1), DatePrecision.DAY);
      case "сегодня":
      case "сьогодні":
      case "today":
      case "tonight":
        return new DateMention(i, i + 1, published, DatePrecision.DAY);
      default:
        break;
    }
    if (WEEKDAYS.containsKey(w) && i > 0 && t.get(i - 1).lower().equals("on")) {
      LocalDate d = published.with(TemporalAdjusters.previousOrSame(WEEKDAYS.get(w)));
      return new DateMention(i, i + 1, d, DatePrecision.DAY);
    }
    if (lastDate != null && lastDate.precision() == DatePrecision.DAY) {
      LocalDate base = lastDate.date();
      if (matches(t, i, "the", "next", "day") || matches(t, i, "the", "following", "day")) {
        return new DateMention(i, i + 3, base.plusDays(1), DatePrecision.DAY);
      }
      if (matches(t, i, "later", "that", "day") || matches(t, i, "the", "same", "day")) {
        return new DateMention(i, i + 3, base, DatePrecision.DAY);
      }
      Integer n = SMALL_NUMBERS.get(w);
      if (n == null) {
        n = dayNumber(w);
      }
      if (n != null && i + 2 < t.size() && t.get(i + 1).lower().startsWith("day") && t.get(i + 2).lower().equals("later")) {
        return new DateMention(i, i + 3, base.plusDays(n), DatePrecision.DAY);
      }
    }
    return null;
  }

  private static Integer monthOf(String lower) {
    Integer m = MONTHS.get(stripDot(lower));
    return m != null ? m : CYRILLIC_MONTHS.get(lower);
  }

  private static boolean isYearWord(String w) {
    return w.startsWith("год") || w.equals("року") || w.equals("році") || w.equals("рік");
  }

  private static Map<String, Integer> cyrillicMonths() {
    String[][] forms = {
      {"январь", "января", "январе", "січень", "січня", "січні"},
      {"февраль", "февраля", "феврале", "лютий", "лютого", "лютому"},
      {"март", "марта", "марте", "березень", "березня", "березні"},
      {"апрель", "апреля", "апреле", "квітень", "квітня", "квітні"},
      {"май", "мая", "мае", "травень", "травня", "травні"},
      {"июнь", "июня", "июне", "червень", "червня", "червні"},
      {"июль", "июля", "июле", "липень", "липня", "липні"},
      {"август", "августа", "августе", "серпень", "серпня", "серпні"},
      {"сентябрь", "сентября", "сентябре", "вересень", "вересня", "вересні"},
      {"октябрь", "октября", "октябре", "жовтень", "жовтня", "жовтні"},
      {"ноябрь", "ноября", "ноябре", "листопад", "листопада", "листопаді"},
      {"декабрь", "декабря", "декабре", "грудень", "грудня", "грудні"}};
    Map<String, Integer> out = new java.util.HashMap<>();
    for (int m = 0; m < forms.length; m++) {
      for (String f : forms[m]) {
        out.put(f, m + 1);
      }
    }
    return Map.copyOf(out);
  }

  private DateMention dayMonth(int start, int end, int day, int month, Integer year) {
    int y;
    if (year != null) {
      y = year;
    } else if (yearAnchor != null) {
      y = yearAnchor;
      if (safeDate(y, month, day).isAfter(published)) {
        y--;
      }
    } else {
      y = published.getYear();
      if (safeDate(y, month, day).isAfter(published)) {
        y--;
      }
    }
    return new DateMention(start, end, safeDate(y, month, day), DatePrecision.DAY);
  }

  private static LocalDate safeDate(int y, int m, int d) {
    LocalDate first = LocalDate.of(y, m, 1);
    return first.withDayOfMonth(Math.min(d, first.lengthOfMonth()));
  }

  /** "May" is a month only next to a day number, a year, or a preposition. */
  private static boolean isMonthUse(List<Token> t, int i) {
    String w = stripDot(t.get(i).lower());
    if (!t.get(i).isCapitalized()) {
      return false;
    }
    if (!w.equals("may") && !w.equals("march") && w.length() > 3) {
      return true;
    }
    boolean nextNumber = i + 1 < t.size() && (dayNumber(t.get(i + 1).lower()) != null || yearNumber(t.get(i + 1).lower()) != null);
    boolean prevPrep = i > 0 && YEAR_PREPOSITIONS.contains(t.get(i - 1).lower());
    return nextNumber || prevPrep;
  }

  private static boolean matches(List<Token> t, int i, String... words) {
    if (i + words.length > t.size()) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      if (!t.get(i + k).lower().equals(words[k])) {
        return false;
      }
    }
    return true;
  }

  private static String stripDot(String w) {
    return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
  }

  private static Integer dayNumber(String w) {
    String s = w;
    for (String suffix : new String[] {"st", "nd", "rd", "th"}) {
      if (s.endsWith(suffix)) {
        s = s.substring(0, s.length() - 2);
      }
    }
    if (s.isEmpty() || s.length() > 2 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int d = Integer.parseInt(s);
    return d >= 1 && d <= 31 ? d : null;
  }

  private static Integer yearNumber(String w) {
    if (w.length() != 4 || !w.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int y = Integer.parseInt(w);
    return y >= 1900 && y <= 2100 ? y : null;
  }

  static LocalDate numericDate(String w) {
    String[] dots = w.split("\\.");
    try {
      if (dots.length == 3 && dots[0].length() <= 2 && dots[1].length() <= 2 && (dots[2].length() == 2 || dots[2].length() == 4)) {
        int d = Integer.parseInt(dots[0]);
        int m = Integer.parseInt(dots[1]);
        int y = Integer.parseInt(dots[2]);
        if (y < 100) {
          y += 2000;
        }
        if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
          return safeDate(y, m, d);
        }
      }
      if (w.length() == 10 && w.charAt(4) == '-' && w.charAt(7) == '-') {
        return LocalDate.parse(w);
      }
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
    return null;
  }
}
