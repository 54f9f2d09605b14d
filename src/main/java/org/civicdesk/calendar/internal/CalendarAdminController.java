package org.civicdesk.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.calendar.CalendarDay;
import org.civicdesk.calendar.WorkingCalendar;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The official calendar as an administrator keeps it: each December the State Council announces the
 * next year's holidays and make-up working days, and the administrator enters them here.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Working-day calendar")
class CalendarAdminController {

    private final CalendarDayRepository days;
    private final DatabaseWorkingCalendar calendar;
    private final AuditTrail audit;

    CalendarAdminController(CalendarDayRepository days, DatabaseWorkingCalendar calendar, AuditTrail audit) {
        this.days = days;
        this.calendar = calendar;
        this.audit = audit;
    }

    record DayCommand(String kind, String name) {
    }


    @GetMapping("/{year}")
    @Operation(summary = "The holidays and make-up working days of a year")
    List<CalendarDay> year(@PathVariable int year) {
        return calendar.exceptions(year);
    }

    @GetMapping("/days/{day}")
    @Operation(summary = "Whether a day is a working day")
    Map<String, Object> day(@PathVariable LocalDate day) {
        return Map.of("day", day, "workingDay", calendar.isWorkingDay(day));
    }

    @PutMapping("/days/{day}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Declare a day a holiday or a make-up working day")
    CalendarDay put(@PathVariable LocalDate day, @RequestBody DayCommand cmd) {
        Checks checks = new Checks();
        checks.required("kind", cmd.kind());
        CalendarDay.Kind kind = checks.oneOf("kind", cmd.kind(), CalendarDay.Kind.class);
        checks.required("name", cmd.name()).maxLength("name", cmd.name(), 50).throwIfAny();
        CalendarDay entry = new CalendarDay(day, kind, cmd.name().trim());
        days.upsert(entry);
        audit.record("calendar.dayDeclared", "calendar_day", day.toString(), null, entry);
        calendar.reload();
        return entry;
    }

    @DeleteMapping("/days/{day}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Make a day an ordinary day again")
    ResponseEntity<Void> delete(@PathVariable LocalDate day) {
        if (!days.delete(day)) {
            throw Problems.notFound("calendar day", day);
        }
        audit.record("calendar.dayRemoved", "calendar_day", day.toString(), Map.of("day", day), null);
        calendar.reload();
        return ResponseEntity.noContent().build();
    }
}
