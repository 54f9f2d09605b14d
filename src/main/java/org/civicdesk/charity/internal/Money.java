package org.civicdesk.charity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import org.civicdesk.shared.Checks;

/**
 * Yuan amounts as the ledger keeps them: exact decimals with two places, read from the text the
 * client sent (a JSON number is taken as its digits, never through a float) and written as
 * {@code "1592.60"}.
 */
final class Money {

    /** Above this a single entry is more likely a typo than a gift; the column itself holds far more. */
    static final BigDecimal MAXIMUM = new BigDecimal("99999999.99");

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final String[] DIGITS = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
    private static final String[] PLACES = { "", "拾", "佰", "仟" };
    private static final String[] GROUPS = { "", "万", "亿", "万亿" };

    private Money() {
    }

    /** The amount in {@code field}, or {@code null} after adding why it is not one. */
    static BigDecimal parse(Checks checks, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                checks.add(field, "validation.required");
            }
            return null;
        }
        String trimmed = text.trim();
        if (!AMOUNT.matcher(trimmed).matches()) {
            checks.add(field, "charity.validation.amount");
            return null;
        }
        BigDecimal amount = new BigDecimal(trimmed).setScale(2, RoundingMode.UNNECESSARY);
        if (amount.signum() <= 0 || amount.compareTo(MAXIMUM) > 0) {
            checks.add(field, "charity.validation.amountRange", format(MAXIMUM));
            return null;
        }
        return amount;
    }

    static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The amount in Chinese capital numerals (大写), as a receipt writes it: 壹仟伍佰玖拾贰元陆角整. */
    static String capitals(BigDecimal amount) {
        long cents = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        long yuan = cents / 100;
        int jiao = (int) (cents / 10 % 10);
        int fen = (int) (cents % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && fen == 0) {
            return (yuan == 0 ? "零元" : out) + "整";
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (fen > 0) {
            out.append(DIGITS[fen]).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    private static String integer(long value) {
        StringBuilder out = new StringBuilder();
        int groups = 0;
        for (long v = value; v > 0; v /= 10000) {
            groups++;
        }
        boolean zeroPending = false;
        for (int g = groups - 1; g >= 0; g--) {
            int group = (int) (value / (long) Math.pow(10000, g) % 10000);
            if (group == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (zeroPending || group < 1000)) {
                out.append('零');
            }
            out.append(fourDigits(group)).append(GROUPS[g]);
            zeroPending = false;
        }
        return out.toString();
    }

    private static String fourDigits(int group) {
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        for (int place = 3, unit = 1000; place >= 0; place--, unit /= 10) {
            int digit = group / unit % 10;
            if (digit == 0) {
                zeroPending = out.length() > 0;
            } else {
                if (zeroPending) {
                    out.append('零');
                    zeroPending = false;
                }
                out.append(DIGITS[digit]).append(PLACES[place]);
            }
        }
        return out.toString();
    }
}
