package org.civicdesk.charity.internal;

/**
 * The hardship categories that aid programmes accept or favour. Labels are the message keys
 * {@code charity.category.<NAME>}.
 */
enum HouseholdCategory {
    /** 城乡低保 — a minimum-income household. */
    LOW_INCOME,
    /** 特困供养 — a household in extreme hardship. */
    EXTREME_HARDSHIP,
    /** 因病致贫 — a household pushed into poverty by medical costs. */
    MEDICAL_POVERTY,
    /** 复合型特困家庭 — several members ill or hurt at once; major-illness aid favours them from 2023. */
    MULTIPLE_HARDSHIP,
    /** 特困退役军人 — a veteran in extreme hardship, admitted to major-illness aid from 2023. */
    HARDSHIP_VETERAN
}
