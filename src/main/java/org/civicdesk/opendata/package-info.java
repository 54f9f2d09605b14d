/**
 * 开放数据 — open data: every public record in one archive of CSV files, with a data dictionary and a
 * licence, rebuilt daily by one node and kept in the database so that every node serves the same file;
 * and the catalogue page that lists the datasets. The records come from the modules that own them,
 * each through a {@link org.civicdesk.shared.OpenDataset}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data")
package org.civicdesk.opendata;
