package org.civicdesk.shared;

import java.util.List;
import java.util.function.Consumer;

/**
 * 开放数据 (open data): a table of public records that a module offers for the bulk download, one CSV
 * file of the archive. A module implements it in its internal package, reading only its own tables, as
 * it does {@link PublicContent}. What it gives is what its public pages show and nothing more: free text
 * through {@link Redactor}, no raiser, applicant or account named, a donor only if they chose to be.
 */
public interface OpenDataset {

    /** The file's name in the archive, without {@code .csv}: lower case, e.g. {@code places}. */
    String name();

    /** What one row is, for the data dictionary: Chinese, then English. */
    Meaning meaning();

    /** The columns, in the order every row gives its values. */
    List<Column> columns();

    /**
     * Hands over every row in turn, values in the order of {@link #columns()}: text, numbers (money as
     * exact decimals), dates, instants, booleans or {@code null}.
     */
    void rows(Consumer<List<Object>> row);

    /** Words in both of the site's languages. */
    record Meaning(String zh, String en) {
    }

    /** A column: its name in the file's header row and what it means. */
    record Column(String name, Meaning meaning) {

        public static Column of(String name, String zh, String en) {
            return new Column(name, new Meaning(zh, en));
        }
    }
}
