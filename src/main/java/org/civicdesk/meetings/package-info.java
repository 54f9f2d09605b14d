/**
 * 会议 — meetings: series (a standing committee's term, a chairs' meeting, the breakfast
 * meetings, a forum) and the meetings in them, with invitations, self-registration, attendance,
 * agendas and decisions. Other modules look series and meetings up through
 * {@link org.civicdesk.meetings.Meetings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.civicdesk.meetings;
