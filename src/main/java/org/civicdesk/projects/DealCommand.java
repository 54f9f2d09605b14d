package org.civicdesk.projects;

import java.util.List;

/**
 * A signed technology-transfer deal (专利转化项目) as a supervisor records it.
 *
 * @param from the codes of the organisations that give the patent (transferor, licensor, contributor)
 * @param to the codes of the organisations that receive it
 * @param form {@code TRANSFER} (转让), {@code LICENCE} (许可), {@code CROSS_LICENCE} (交叉许可) or
 *        {@code EQUITY} (作价入股)
 * @param amount the deal's amount in yuan as decimal text, where known
 * @param event where it was signed, e.g. 湖南省专利转化对接会
 * @param signedOn e.g. {@code 2023-02-27}
 * @param example whether the deal is made up (示例), as a city's demonstration data is
 */
public record DealCommand(String title, String patentNo, List<String> from, List<String> to, String form,
        String amount, String event, String signedOn, Boolean example) {
}
