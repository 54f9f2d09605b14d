/**
 * 工作日历 — the official working-day calendar: the public holidays and the make-up working days that the
 * State Council General Office announces for each year, used to count handling deadlines in working days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package org.civicdesk.calendar;
