package org.civicdesk.meetings;

/** 系列 — a series of meetings, known to other modules by its slug (e.g. {@code breakfast}, {@code npc-16}). */
public record SeriesRef(long id, String slug, String name) {
}
