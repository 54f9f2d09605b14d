package org.civicdesk.projects;

/**
 * A special-bond project as a supervisor records it in a batch.
 *
 * @param ownerOrg the code of the owner department or company (项目单位) in the directory
 * @param amountRequested the bond money asked for, in yuan, as decimal text
 * @param example whether the project is made up (示例), as a city's demonstration data is
 */
public record ProjectCommand(String code, String batch, String name, String ownerOrg, String amountRequested,
        String district, Boolean example) {
}
