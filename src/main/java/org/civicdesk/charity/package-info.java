/**
 * 慈善 — charity: the federation's fundraising campaigns, the donation ledger with its receipts,
 * aid programmes with their eligibility rules and payments, the one-yuan livelihood insurance, and
 * the public disclosure of each year's figures. No other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Charity")
package org.civicdesk.charity;
