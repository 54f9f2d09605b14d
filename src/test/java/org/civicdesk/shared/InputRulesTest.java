package org.civicdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void datesWithinNineteenHundredAndTwentyOneHundred() {
        assertThat(InputRules.withinBounds(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(InputRules.withinBounds(LocalDate.of(2100, 12, 31))).isTrue();
        assertThat(InputRules.withinBounds(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(InputRules.withinBounds(LocalDate.of(2101, 1, 1))).isFalse();
        assertThat(InputRules.withinBounds(LocalDate.MAX)).isFalse();
        assertThat(InputRules.withinBounds(OffsetDateTime.MAX)).isFalse();
        assertThat(InputRules.withinBounds(Instant.MIN)).isFalse();
        assertThat(InputRules.withinBounds(OffsetDateTime.of(2100, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC))).isTrue();
        FieldViolation far = InputRules.dateViolation("dueDate", LocalDate.of(3000, 1, 1));
        assertThat(far.field()).isEqualTo("dueDate");
        assertThat(far.messageKey()).isEqualTo(InputRules.DATE_RANGE);
        assertThat(far.args()).containsExactly(InputRules.EARLIEST, InputRules.LATEST);
        assertThat(InputRules.dateViolation("dueDate", null)).isNull();
    }

    @Test
    void textWithoutControlCharactersOrLoneSurrogates() {
        assertThat(InputRules.forbiddenCharacter("株洲\t市\r\n😀 ordinary")).isEqualTo(-1);
        assertThat(InputRules.forbiddenCharacter("a\u0000")).isZero();
        assertThat(InputRules.forbiddenCharacter("\u0007")).isEqualTo(7);
        assertThat(InputRules.forbiddenCharacter("\u007F")).isEqualTo(0x7F);
        assertThat(InputRules.forbiddenCharacter("\u0085")).isEqualTo(0x85);
        assertThat(InputRules.forbiddenCharacter("x\uD83D")).isEqualTo(0xD83D);
        assertThat(InputRules.forbiddenCharacter("\uDE00x")).isEqualTo(0xDE00);
        assertThat(InputRules.forbiddenCharacter("\uDE00\uD83D")).isEqualTo(0xDE00);
        assertThat(InputRules.textViolation("title", "a\u0000b").args()).containsExactly("U+0000");
        assertThat(InputRules.textViolation("title", null)).isNull();
    }
}
