package org.civicdesk.charity;

/**
 * A year's one-yuan livelihood insurance policy (一元民生保险); the premium is a decimal amount as text.
 *
 * @param insurer the insurance company, if known
 * @param coverage who the policy covers, as the federation states it, such as 城区市民
 */
public record PolicyCommand(Integer year, Long insuredPeople, String premium, String insurer, String coverage) {
}
