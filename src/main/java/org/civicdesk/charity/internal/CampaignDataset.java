package org.civicdesk.charity.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.civicdesk.shared.OpenDataset;
import org.civicdesk.shared.Redactor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The fundraising campaigns with their totals, counted as the public campaign pages count them. */
@Component
class CampaignDataset implements OpenDataset {

    private final JdbcClient jdbc;

    CampaignDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "charity_campaigns";
    }

    @Override
    public Meaning meaning() {
        return new Meaning("慈善募捐活动及其募得金额，每行一项。", "Fundraising campaigns and what each raised, one a row.");
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.of("code", "活动代码", "Campaign code"), Column.of("name", "活动名称", "Name"),
                Column.of("goal", "目标金额（元），未设为空", "Goal in yuan; empty if none"),
                Column.of("starts_on", "开始日期", "First day"), Column.of("ends_on", "结束日期", "Last day"),
                Column.of("description", "说明，已隐去联系方式", "Description, contact details removed"),
                Column.of("raised", "已募得金额（元）", "Raised so far, in yuan"),
                Column.of("donations", "捐赠笔数", "Number of donations"),
                Column.of("donors", "捐赠人数：具名者按姓名计，每笔匿名捐赠计一人", "Donors: named donors by name, each anonymous gift as one"),
                Column.of("example", "是否为演示用的示例数据", "Whether it is made-up example data"));
    }

    @Override
    public void rows(Consumer<List<Object>> row) {
        jdbc.sql(Campaigns.TOTALS + Campaigns.GROUP + " ORDER BY c.id").query((RowCallbackHandler) rs -> row.accept(
                Arrays.asList(rs.getString("code"), rs.getString("name"), rs.getBigDecimal("goal"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        Redactor.redact(rs.getString("description")), rs.getBigDecimal("raised"),
                        rs.getLong("donations"), rs.getLong("donors"), rs.getBoolean("example"))));
    }
}
