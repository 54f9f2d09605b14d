package org.civicdesk.matters.internal;

/** 沟通方式 — how a department contacted the raiser before answering. */
enum ContactMethod {
    PHONE, VISIT, MEETING, FACE_TO_FACE, LETTER, OTHER
}
