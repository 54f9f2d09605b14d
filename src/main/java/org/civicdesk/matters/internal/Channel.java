package org.civicdesk.matters.internal;

/** How a matter reached the desk. */
enum Channel {
    WEB, HOTLINE, LETTER, MEETING, SESSION, OTHER
}
