package org.civicdesk.directory;

import java.util.List;

/**
 * A person as an administrator, a workbook or another module sends them; the directory checks every
 * field.
 *
 * @param example whether the person is made up (示例), standing in for people a source only counts,
 *        as a city's training or demonstration data does; set when the person is recorded and kept
 *        by every change after, so an edit never turns an example into a real person
 */
public record PersonCommand(String name, String orgCode, String phone, String email, List<PostCommand> posts,
        Boolean example) {
}
