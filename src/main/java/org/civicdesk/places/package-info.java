/**
 * 场所与荣誉 — places and honours: the city's party-education bases (培训基地) and teaching points
 * (现场教学点), community places and venues on a public map, the courses they offer, group visits that
 * organisations book (点单/预约) and managers confirm within each place's capacity, and the registry of
 * honours the city's organisations received.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Places and honours")
package org.civicdesk.places;
