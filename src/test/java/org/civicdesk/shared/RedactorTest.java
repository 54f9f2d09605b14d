package org.civicdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Contact details in the forms people write them, embedded in Chinese text, leave no digit behind;
 * the numbers public text is made of stay as they are.
 */
class RedactorTest {

    private static final String REMOVED = Redactor.REMOVED;
    /** Between the digits of a number, as people type them or paste them from elsewhere. */
    private static final List<String> SEPARATORS = List.of(" ", "-", ".", "\u3000", "\uFF0D", "\u2010", "\u2013",
            "\u2014", "\uFF0E", "\u00B7", " - ", "\u200B", "\u00A0");
    private static final List<String> DOTS = List.of(".", "\uFF0E", "\u00B7");

    /** Mobile numbers, landlines and identity numbers, each in every form generated. */
    @Property(tries = 3000)
    void numbersLeaveNoDigitBehind(@ForAll("anyNumber") String number, @ForAll("before") String before,
            @ForAll("chinese") String after) {
        assertThat(Redactor.redact(before + number + after)).isEqualTo(before + REMOVED + after);
    }

    @Property
    void emailAddressesAreRemoved(@ForAll("emails") String address, @ForAll("chinese") String before,
            @ForAll("chinese") String after) {
        assertThat(Redactor.redact(before + address + after)).isEqualTo(before + REMOVED + after);
    }

    /** Two numbers side by side, with only a space between, are two numbers: neither leaves a digit. */
    @Property
    void numbersSideBySideAreEachRemoved(@ForAll("anyNumber") String one, @ForAll("anyNumber") String other,
            @ForAll("joints") String joint) {
        String redacted = Redactor.redact("电话" + one + joint + other + "。");
        assertThat(redacted.chars().filter(c -> Character.digit(c, 10) >= 0).count()).as(redacted).isZero();
        assertThat(redacted).startsWith("电话" + REMOVED).endsWith(REMOVED + "。");
    }

    @Property
    void ordinaryTextStaysAsWritten(@ForAll("ordinary") String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Example
    void theFormsThatPassedBeforeNoLongerDo() {
        assertThat(Redactor.redact("请联系139 1234 5678或139-1234-5678，+8613912345670，１３９１２３４５６７８，"
                + "(0731)28681234，身份证430202199001011234，43020219900101123X"))
                .isEqualTo("请联系" + REMOVED + "或" + REMOVED + "，" + REMOVED + "，" + REMOVED + "，" + REMOVED
                        + "，身份证" + REMOVED + "，" + REMOVED);
    }

    @Example
    void nothingToRedact() {
        assertThat(Redactor.redact(null)).isNull();
        assertThat(Redactor.redact("")).isEmpty();
        assertThat(Redactor.redact("株政发〔2023〕1号：2023年共收到239 件建议，办结率98.5%，投入20,000.00元。"))
                .isEqualTo("株政发〔2023〕1号：2023年共收到239 件建议，办结率98.5%，投入20,000.00元。");
    }

    @Provide
    Arbitrary<String> mobiles() {
        Arbitrary<String> prefix = Arbitraries.of("", "", "86", "+86", "0086", "+86 ", "(+86)", "\uFF0B86", "0086-");
        Arbitrary<String> digits = Combinators.combine(Arbitraries.integers().between(3, 9),
                Arbitraries.strings().numeric().ofLength(9)).as((second, rest) -> "1" + second + rest);
        return Combinators.combine(prefix, written(digits)).as((p, d) -> p + d);
    }

    @Provide
    Arbitrary<String> landlines() {
        Arbitrary<String> area = Combinators.combine(Arbitraries.integers().between(1, 9),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2)).as((first, rest) -> "0" + first + rest);
        Arbitrary<String> local = Combinators.combine(Arbitraries.integers().between(2, 8),
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(7)).as((first, rest) -> first + rest);
        Arbitrary<String> form = Arbitraries.of("(%s)%s", "(%s) %s", "\uFF08%s\uFF09%s", "%s-%s", "%s\uFF0D%s",
                "%s %s", "%s%s", "%s\u2014%s");
        return Combinators.combine(form, written(area), written(local)).as(String::formatted);
    }

    @Provide
    Arbitrary<String> identities() {
        Arbitrary<String> region = Combinators.combine(Arbitraries.integers().between(1, 8),
                Arbitraries.strings().numeric().ofLength(5)).as((first, rest) -> first + rest);
        Arbitrary<String> birth = Combinators.combine(Arbitraries.integers().between(1900, 2025),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> "%04d%02d%02d".formatted(y, m, d));
        Arbitrary<String> modern = Combinators.combine(region, birth, Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.of("0", "1", "5", "9", "X", "x"))
                .as((r, b, seq, check) -> r + b + seq + check);
        Arbitrary<String> old = Combinators.combine(region, birth, Arbitraries.strings().numeric().ofLength(3))
                .as((r, b, seq) -> r + b.substring(2) + seq);
        Arbitrary<String> spaced = Combinators.combine(region, birth, Arbitraries.strings().numeric().ofLength(4))
                .as((r, b, rest) -> r + " " + b + " " + rest);
        return Arbitraries.oneOf(written(modern), written(old), spaced);
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('.', '_')
                .ofMinLength(1).ofMaxLength(12).filter(w -> !w.startsWith(".") && !w.endsWith("."));
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        return Combinators.combine(word, Arbitraries.of("@", "\uFF20"), host, Arbitraries.of("com", "cn", "gov.cn"))
                .as((w, at, h, tld) -> w + at + h + "." + tld);
    }

    @Provide
    Arbitrary<String> anyNumber() {
        return Arbitraries.oneOf(mobiles(), landlines(), identities());
    }

    @Provide
    Arbitrary<String> joints() {
        return Arbitraries.of(" ", "  ", "、", "或", "，", " / ", "\u3000");
    }

    /** Chinese text, with no digit and nothing that joins digits, as around a number. */
    @Provide
    Arbitrary<String> chinese() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMaxLength(6);
        return Combinators.combine(words, Arbitraries.of("", "：", "，", "。", "电话 ", "手机号码"))
                .as((w, punctuation) -> w + punctuation);
    }

    /** Before a number, also Latin letters right against it. */
    @Provide
    Arbitrary<String> before() {
        return Combinators.combine(chinese(), Arbitraries.of("", "", "Tel:", "Tel", "ID")).as(String::concat);
    }

    /** Dates, amounts, years, counts, times and document numbers, written as public text writes them. */
    @Provide
    Arbitrary<String> ordinary() {
        Arbitrary<Integer> year = Arbitraries.integers().between(1949, 2099);
        Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 31);
        Arbitrary<String> date = Combinators.combine(year, month, day,
                Arbitraries.of("%d-%02d-%02d", "%d.%02d.%02d", "%d年%d月%d日", "%d/%d/%d", "%d.%d.%d"))
                .as((y, m, d, form) -> form.formatted(y, m, d));
        Arbitrary<String> money = Combinators.combine(Arbitraries.bigDecimals().between(
                BigDecimal.ZERO, new BigDecimal("999999999.99")).ofScale(2),
                Arbitraries.of("%,.2f元", "%.2f元", "¥%,.2f", "%.1f万元", "%,.2f")).as((amount, form) -> form.formatted(amount));
        Arbitrary<String> count = Combinators.combine(Arbitraries.integers().between(0, 99999),
                Arbitraries.of("%d 件建议", "%d件", "%d 个单位", "%d人", "第%d次", "%d%%", "%d.5%%"))
                .as((n, form) -> form.formatted(n));
        Arbitrary<String> document = Combinators.combine(Arbitraries.of("株政发", "湘政办发", "国办发", "株人大常"), year,
                Arbitraries.integers().between(1, 300)).as((issuer, y, n) -> issuer + "〔" + y + "〕" + n + "号");
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59)).as((h, m) -> "%d:%02d-%d:%02d".formatted(h, m, (h + 2) % 24, m));
        Arbitrary<String> piece = Arbitraries.oneOf(date, money, count, document, time, year.map(y -> y + "年"));
        Arbitrary<String> joint = Arbitraries.of(" ", "，", "、", "起", "至", " 至 ", "。");
        return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(6), joint)
                .as((pieces, j) -> pieces.stream().collect(Collectors.joining(j)));
    }

    /**
     * The digits as someone might write them: with one kind of separator between any of them after
     * the first three (nobody splits {@code 139} or {@code 0731}), and
     * in half- or full-width digits; but no dot before the last one or two, which would make them
     * an amount.
     */
    private static Arbitrary<String> written(Arbitrary<String> digits) {
        return Combinators.combine(digits, Arbitraries.of(SEPARATORS)).flatAs((d, separator) -> Combinators
                .combine(Arbitraries.of(false, false, false, true).list().ofSize(d.length()),
                        Arbitraries.of(false, true).list().ofSize(d.length()))
                .as((gaps, wide) -> {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < d.length(); i++) {
                        char c = d.charAt(i);
                        out.append(wide.get(i) ? (char) (c + 0xFEE0) : c);
                        boolean decimals = i >= d.length() - 3 && DOTS.contains(separator);
                        if (gaps.get(i) && i >= 2 && i < d.length() - 1 && Character.isDigit(d.charAt(i + 1))
                                && !decimals) {
                            out.append(separator);
                        }
                    }
                    return out.toString();
                }));
    }
}
