package org.civicdesk.places.internal;

/** Who gave an honour: a government at some level, or an industry's own body (行业). */
enum HonourLevel {
    NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY, INDUSTRY
}
