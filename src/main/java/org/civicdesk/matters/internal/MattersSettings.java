package org.civicdesk.matters.internal;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The settings of matters handling ({@code civicdesk.matters.*}, or {@code CIVICDESK_MATTERS_*}).
 *
 * @param remindWorkingDays remind a department this many working days before a case is due
 * @param signWithinWorkingDays a case signed for within this many working days counts as signed on time
 * @param answerCategories the answer classes the jurisdiction uses: A, B, C by default; some use D too
 * @param readStaleness how long a node may show others the inbox, the board and the statistics as they
 *        were before someone else's change on another node (at most the second the API promises);
 *        whoever made a change sees it at once
 * @param clockSkew how far the clocks of the app nodes may be apart; a person who changed something
 *        within the staleness and this margin reads from the database on every node
 */
@Validated
@ConfigurationProperties("civicdesk.matters")
record MattersSettings(@DefaultValue("3") @Min(0) @Max(60) int remindWorkingDays,
        @DefaultValue("2") @Min(0) @Max(60) int signWithinWorkingDays,
        @DefaultValue({ "A", "B", "C" }) @NotEmpty Set<AnswerCategory> answerCategories,
        @DefaultValue("500ms") @NotNull @DurationMin(millis = 1) @DurationMax(seconds = 1) Duration readStaleness,
        @DefaultValue("1s") @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 1) Duration clockSkew) {
}
