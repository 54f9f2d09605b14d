package org.civicdesk.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The demo's example entries add up exactly to the totals the paper gives. */
class CharityDemoTest {

    @Test
    void splitsATotalIntoPartsThatAddUpExactly() {
        BigDecimal sum = CharityDemo.split("15926000", 200).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualTo(new BigDecimal("15926000.00"));
        assertThat(CharityDemo.split("1459300", 89)).allMatch(p -> p.signum() > 0).hasSize(89);
    }
}
