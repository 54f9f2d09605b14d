package org.civicdesk.charity;

/** A year's one-yuan livelihood insurance policy (一元民生保险); the premium is a decimal amount as text. */
public record PolicyCommand(Integer year, Long insuredPeople, String premium, String insurer) {
}
