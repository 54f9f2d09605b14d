package org.civicdesk.notices;

/**
 * What an administrator does with notices, for other modules that act on someone's behalf (the
 * demo city does). Each command is the one the notices API takes, refused unless the acting person
 * is an ADMIN, checked and audited as the API does.
 */
public interface Notices {

    /** Writes a notice, published at once when the command says so, otherwise a draft. */
    void create(NoticeCommand notice);
}
