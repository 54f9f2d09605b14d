/**
 * 事项办理 — matters: what deputies, CPPCC members, entrepreneurs and residents raise, split
 * into cases (办件) that departments handle against working-day deadlines, supervised (督办),
 * answered, rated by the raiser and reported.
 *
 * <p>A matter's life: raised ({@code REGISTERED}; a proposal may be accepted 立案 or rejected
 * 不立案, or merged 并案 into an identical one) → assigned (交办) to a lead department and
 * co-handlers, or to several departments answering separately ({@code ASSIGNED}) → signed for by a
 * department (签收, {@code IN_PROGRESS}) → answered by the lead with a category A/B/C
 * ({@code ANSWERED}) → rated by the raiser: satisfied or basically satisfied closes it
 * ({@code CLOSED}, 办结/销号); unsatisfied sends it back once for re-handling ({@code REHANDLING}),
 * after whose answer the next rating closes it. Every transition is checked on the server against
 * the state and the actor's role, and recorded in the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matters")
package org.civicdesk.matters;
