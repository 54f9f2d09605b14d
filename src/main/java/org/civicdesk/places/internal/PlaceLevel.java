package org.civicdesk.places.internal;

/** 级别 — who designated the place: the province, the city or the county. */
enum PlaceLevel {
    PROVINCIAL, MUNICIPAL, COUNTY
}
