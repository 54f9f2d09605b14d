/**
 * 征集/招募 — calls for applications: a choir recruiting new members, a call for volunteers. A call
 * has groups, each with its quota and who may apply (sex, age on the day of applying); anyone
 * applies without an account, and the call's organisers (ADMIN) accept or reject. The applicant's
 * phone number is shown to the organisers only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calls for applications")
package org.civicdesk.calls;
