package org.civicdesk.matters.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import org.civicdesk.matters.MatterType;

/**
 * What a {@link Matter} needs to know of time and of the jurisdiction's rules to decide a
 * transition: today in the city, the time limits on the official working-day calendar, and which
 * answer classes the city uses. {@link Deadlines} gives the real ones; a test may give others.
 */
interface HandlingRules {

    OffsetDateTime now();

    /** Today in the city's time zone. */
    LocalDate today();

    /** The day an instant falls on in the city. */
    LocalDate dayOf(OffsetDateTime instant);

    LocalDate leadDue(MatterType type, String series, boolean urgent, LocalDate assignedOn);

    LocalDate coDue(MatterType type, LocalDate assignedOn, LocalDate leadDue);

    LocalDate rehandleDue(MatterType type, LocalDate from);

    LocalDate latestExtension(MatterType type, LocalDate assignedOn);

    boolean withinReturnWindow(MatterType type, LocalDate assignedOn);

    /** How many working days a department has to return a wrongly assigned case. */
    int returnWindowDays(MatterType type);

    boolean mayCloseUnrated(MatterType type, LocalDate answeredOn);

    /** How many working days staff wait for a rating before they may close an answer unrated. */
    int closeUnratedDays(MatterType type);

    Set<AnswerCategory> answerCategories();
}
