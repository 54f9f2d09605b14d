package org.civicdesk.charity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.civicdesk.shared.Checks;
import org.junit.jupiter.api.Test;

/** Amounts are read exactly, and a receipt writes them in capital numerals as the finance rules do. */
class MoneyTest {

    @Test
    void writesAmountsInCapitalNumerals() {
        assertThat(Money.capitals(new BigDecimal("1592.60"))).isEqualTo("壹仟伍佰玖拾贰元陆角整");
        assertThat(Money.capitals(new BigDecimal("15926000.00"))).isEqualTo("壹仟伍佰玖拾贰万陆仟元整");
        assertThat(Money.capitals(new BigDecimal("10005.05"))).isEqualTo("壹万零伍元零伍分");
        assertThat(Money.capitals(new BigDecimal("100010000"))).isEqualTo("壹亿零壹万元整");
        assertThat(Money.capitals(new BigDecimal("1050.10"))).isEqualTo("壹仟零伍拾元壹角整");
        assertThat(Money.capitals(new BigDecimal("0.08"))).isEqualTo("捌分");
        assertThat(Money.capitals(new BigDecimal("100000"))).isEqualTo("壹拾万元整");
    }

    @Test
    void readsOnlyExactAmountsWithinTheLimit() {
        Checks checks = new Checks();
        assertThat(Money.parse(checks, "amount", " 0.1 ", true)).isEqualTo(new BigDecimal("0.10"));
        assertThat(Money.parse(checks, "amount", "99999999.99", true)).isEqualTo(new BigDecimal("99999999.99"));
        assertThat(checks.ok()).isTrue();
        for (String bad : new String[] { "0", "0.00", "1.001", "-1", "1e3", "100000000", "１０" }) {
            Checks refused = new Checks();
            assertThat(Money.parse(refused, "amount", bad, true)).as(bad).isNull();
            assertThat(refused.has("amount")).as(bad).isTrue();
        }
    }
}
