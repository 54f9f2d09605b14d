package org.civicdesk.directory;

/** A post a person holds, e.g. 市人大常委会副主任, in an organisation or in none. */
public record PostCommand(String orgCode, String title) {
}
