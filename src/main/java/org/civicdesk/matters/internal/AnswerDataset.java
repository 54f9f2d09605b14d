package org.civicdesk.matters.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.civicdesk.shared.OpenDataset;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The published answers, one per answering case, exactly as the public answers page shows them: the
 * copies of the title, the content and the answer with contact details removed, and never who raised
 * the matter or who entered it (confidential matters are not published at all).
 */
@Component
class AnswerDataset implements OpenDataset {

    private final JdbcClient jdbc;

    AnswerDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "answers";
    }

    @Override
    public Meaning meaning() {
        return new Meaning("已公开的答复：群众和代表反映事项的办理答复，每个答复单位一行；不含反映人信息。",
                "Published answers to matters that residents and deputies raised, one per answering department; "
                        + "nothing of who raised them.");
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.of("matter_id", "事项编号，与网页地址 /public/answers/{matter_id} 一致", "Matter number, as in its page's address"),
                Column.of("type", "类型：PROBLEM 问题、SUGGESTION 建议、PROPOSAL 议案、APPEAL 诉求、REVIEW_OPINION 审议意见",
                        "Type: PROBLEM, SUGGESTION, PROPOSAL, APPEAL or REVIEW_OPINION"),
                Column.of("category", "类别", "Category"), Column.of("district", "所在区县", "District"),
                Column.of("series", "所属系列（如早餐会）", "The meeting series it came through, if any"),
                Column.of("raised_at", "提出时间", "When it was raised"),
                Column.of("department", "答复单位代码", "The answering department's code"),
                Column.of("answered_at", "答复时间", "When it was answered"),
                Column.of("status", "事项状态", "The matter's status"),
                Column.of("title", "标题，已隐去联系方式", "Title, contact details removed"),
                Column.of("content", "内容，已隐去联系方式", "What was raised, contact details removed"),
                Column.of("answer", "答复，已隐去联系方式", "The answer, contact details removed"),
                Column.of("example", "是否为演示用的示例数据", "Whether it is made-up example data"));
    }

    @Override
    public void rows(Consumer<List<Object>> row) {
        jdbc.sql("SELECT m.id AS matter_id, m.type, m.category, m.district, m.series_slug, m.raised_at, c.org_code,"
                + " c.answered_at, m.status, m.example, " + MatterQueries.PUBLIC_TEXT + MatterQueries.PUBLISHED
                + " ORDER BY c.answered_at, c.id").query((RowCallbackHandler) rs -> row.accept(Arrays.asList(
                        rs.getLong("matter_id"), rs.getString("type"), rs.getString("category"), rs.getString("district"),
                        rs.getString("series_slug"), rs.getObject("raised_at", OffsetDateTime.class),
                        rs.getString("org_code"), rs.getObject("answered_at", OffsetDateTime.class),
                        rs.getString("status"), rs.getString("title"), rs.getString("content"), rs.getString("answer"),
                        rs.getBoolean("example"))));
    }
}
