/**
 * 通讯录 — the directory: organisations (departments, congress and CPPCC bodies, enterprises,
 * universities, social organisations, communities), the people in them with their posts, and the
 * accounts people sign in with. Other modules look organisations and accounts up through
 * {@link org.civicdesk.directory.Directory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.civicdesk.directory;
