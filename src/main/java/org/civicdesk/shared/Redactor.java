package org.civicdesk.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 隐去联系方式 — removes contact details from text the public reads: titles, content, answers,
 * notices, search snippets and feeds all go through {@link #redact}, so there is one rule.
 * 国办发〔2014〕46号 asks that answers be published with deputies' contact details removed; a
 * resident's details deserve no less.
 *
 * <p>The rule, applied to a copy of the text in which full-width forms (０-９, ＋, －, （）, ．, ＠,
 * Ｘ), other Unicode decimal digits, dashes (‐ – — −), middle dots and every kind of space are
 * first read as their ASCII counterparts, one character for one, so that what is removed is removed
 * from the text as written:
 * <ul>
 * <li>A <em>run of digits</em> is a group of digits (possibly followed by {@code X}),
 * joined to the next by one to three separators: space, tab, {@code -}, {@code .}, {@code (} or
 * {@code )}, or an invisible formatting character; a group may start with {@code +}. Any
 * other character, a Chinese one included, ends the run.</li>
 * <li>Within a run, consecutive groups taken together are removed when their digits are one of
 * the numbers below (where they could be read in more than one way, the way that removes most),
 * and the first of them has three characters at least or is the prefix {@code 86}: nobody splits
 * {@code 139} or an area code, while {@code 2:13 100000000.0万元} is a time and an amount:
 * <ul>
 * <li>a mainland mobile number {@code 1[3-9]} and nine digits, alone or after {@code 86},
 * {@code 0086} or {@code +86};</li>
 * <li>a landline with its area code: {@code 0}, a non-zero digit and eight to ten digits (e.g.
 * {@code (0731)28681234}, {@code 010-12345678}), or after {@code +86} or {@code 0086} without the
 * {@code 0};</li>
 * <li>a resident identity number: 18 characters, a region code starting 1-8, a birth date in
 * 18xx-20xx with a valid month and day, three digits and a check digit or {@code X}; or the old 15
 * digits, the same with a two-digit year and no check digit. The check digit itself is not
 * verified: a mistyped number identifies its owner just as well.</li>
 * </ul>
 * </li>
 * <li>An e-mail address: {@code name@domain.tld} in ASCII letters, digits, {@code . _ + -}.</li>
 * </ul>
 * Before runs are formed, dates written with one separator twice ({@code 2023-02-28},
 * {@code 2023.2.28}, but not inside {@code 4302-2000-10-10-1234}) and one or two decimals after a dot ({@code 139123456.78}) are set aside, so
 * that neither a date's month nor an amount's cents joins the digits around it. Everything else
 * stays as written: dates, money ({@code 20,000.00 元}, {@code 3.5 万元}), years, counts
 * ({@code 239 件建议}) and document numbers ({@code 株政发〔2023〕1号}) never form one of those
 * numbers. Not recognised: a bare local number without its area code and one spelled out in
 * Chinese numerals (neither can be told from a count or an amount), and an identity number broken
 * up like a date ({@code 430202-1990-01-01-1234}).
 */
public final class Redactor {

    /** What stands where a contact detail was. */
    public static final String REMOVED = "[已隐去]";

    private static final Pattern GROUP = Pattern.compile("\\+?\\d+[Xx]?");
    private static final Pattern SEPARATORS = Pattern.compile("[ \\t\\-.()]{1,3}");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+86|0086|86)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9]\\d{8,10}|(?:\\+86|0086)[1-9]\\d{8,10}");
    private static final Pattern IDENTITY = Pattern.compile(
            "[1-8]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]"
                    + "|[1-8]\\d{5}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}");
    /**
     * A date, whose month and day could otherwise start a landline with what follows; not one chained
     * by dashes, dots or slashes to more digits, which is part of a longer number.
     */
    private static final Pattern DATE = Pattern.compile("(?<!\\d|\\d[-./])(?:19|20)\\d{2}([-./])(?:0?[1-9]|1[0-2])\\1"
            + "(?:0?[1-9]|[12]\\d|3[01])(?!\\d|[-./]\\d)");
    /**
     * Cents or a tenth: {@code 139123456.78} and {@code 0.01 10000000.00} are amounts, not numbers to
     * call. Digits joined by dots on both sides ({@code 139.12.345678}) are not a fraction.
     */
    private static final Pattern FRACTION = Pattern.compile("(?<=\\d)\\.\\d{1,2}(?![\\dXx]|\\.\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** The longest of the numbers above with its prefix: a run of many groups costs little. */
    private static final int LONGEST = 18;

    private Redactor() {
    }

    /** The text with every contact detail replaced by {@link #REMOVED}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String plain = normalise(text);
        List<int[]> removed = new ArrayList<>();
        Matcher email = EMAIL.matcher(plain);
        while (email.find()) {
            removed.add(new int[] { email.start(), email.end() });
        }
        String searched = mask(mask(plain, DATE), FRACTION);
        List<int[]> groups = new ArrayList<>();
        Matcher group = GROUP.matcher(searched);
        int runEnd = -1;
        while (group.find()) {
            if (!groups.isEmpty() && !joined(searched, runEnd, group.start())) {
                numbers(searched, groups, removed);
                groups.clear();
            }
            groups.add(new int[] { group.start(), group.end() });
            runEnd = group.end();
        }
        numbers(searched, groups, removed);
        if (removed.isEmpty()) {
            return text;
        }
        removed.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] span : removed) {
            if (span[1] <= at) {
                continue;
            }
            if (span[0] >= at) {
                out.append(text, at, span[0]).append(REMOVED);
            }
            at = span[1];
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Hides what a pattern finds from the search for numbers, keeping every other character where it is. */
    private static String mask(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        char[] chars = text.toCharArray();
        do {
            Arrays.fill(chars, m.start(), m.end(), '#');
        } while (m.find());
        return new String(chars);
    }

    private static boolean joined(String plain, int from, int to) {
        return SEPARATORS.matcher(plain).region(from, to).matches();
    }

    /**
     * Finds the numbers in one run of groups: of the ways to take consecutive groups as numbers, the
     * one that removes the most characters, so that a mobile number followed by a landline is not
     * taken for one identity number that leaves the landline's last groups behind.
     */
    private static void numbers(String plain, List<int[]> groups, List<int[]> removed) {
        int n = groups.size();
        int[] covered = new int[n + 1];
        int[] until = new int[n];
        for (int first = n - 1; first >= 0; first--) {
            covered[first] = covered[first + 1];
            until[first] = -1;
            String opening = plain.substring(groups.get(first)[0], groups.get(first)[1]);
            if (opening.length() < 3 && !opening.equals("86")) {
                continue;
            }
            StringBuilder digits = new StringBuilder();
            for (int last = first; last < n && digits.length() < LONGEST; last++) {
                digits.append(plain, groups.get(last)[0], groups.get(last)[1]);
                int with = digits.length() + covered[last + 1];
                if (with > covered[first] && isNumber(digits)) {
                    covered[first] = with;
                    until[first] = last;
                }
            }
        }
        int first = 0;
        while (first < n) {
            if (until[first] < 0) {
                first++;
                continue;
            }
            int start = groups.get(first)[0];
            int end = groups.get(until[first])[1];
            // (0731)28681234 loses its opening bracket too, not only what follows it
            int close = plain.indexOf(')', start);
            boolean bracketed = start > 0 && plain.charAt(start - 1) == '(' && close >= 0 && close < end;
            removed.add(new int[] { bracketed ? start - 1 : start, end });
            first = until[first] + 1;
        }
    }

    /** A {@code +} or {@code X} inside the digits matches none of these, as it should not. */
    private static boolean isNumber(CharSequence digits) {
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()
                || IDENTITY.matcher(digits).matches();
    }

    /** One character for one, so that a position in the copy is the same position in the text. */
    private static String normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = plain(chars[i]);
        }
        return new String(chars);
    }

    private static char plain(char c) {
        if (c < 0x80) {
            return c;
        }
        int digit = Character.digit(c, 10);
        if (digit >= 0) {
            return (char) ('0' + digit);
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        if (Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT) {
            return ' ';
        }
        return switch (c) {
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63' -> '-';
        case '\u00B7', '\u2022', '\u30FB', '\uFF65' -> '.';
        default -> c;
        };
    }
}
