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

/**
 * The donation ledger as the public may read it: the day, the campaign and the amount of each gift, and
 * the donor's name only where they did not ask to stay anonymous. Receipt numbers and who handled a gift
 * stay in the ledger: a receipt number is what a donor proves their gift with.
 */
@Component
class DonationDataset implements OpenDataset {

    private final JdbcClient jdbc;

    DonationDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "charity_donations";
    }

    @Override
    public Meaning meaning() {
        return new Meaning("慈善捐赠，每行一笔；匿名捐赠不列捐赠人。", "Donations, one a row; anonymous gifts name no donor.");
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.of("campaign_code", "所属募捐活动代码（见 charity_campaigns.csv）", "The campaign's code (see charity_campaigns.csv)"),
                Column.of("received_on", "收到日期", "Day received"), Column.of("amount", "金额（元）", "Amount in yuan"),
                Column.of("anonymous", "捐赠人是否要求匿名", "Whether the donor asked to stay anonymous"),
                Column.of("donor", "捐赠人（仅限同意具名者），匿名为空", "The donor, only where they agreed to be named; empty if anonymous"),
                Column.of("example", "是否为演示用的示例数据", "Whether it is made-up example data"));
    }

    @Override
    public void rows(Consumer<List<Object>> row) {
        jdbc.sql("""
                SELECT c.code, d.received_on, d.amount, d.anonymous, d.donor_name, d.example
                FROM charity_donation d JOIN charity_campaign c ON c.id = d.campaign_id
                ORDER BY d.received_on, d.id""").query((RowCallbackHandler) rs -> {
            boolean anonymous = rs.getBoolean("anonymous");
            row.accept(Arrays.asList(rs.getString("code"), rs.getObject("received_on", LocalDate.class),
                    rs.getBigDecimal("amount"), anonymous, anonymous ? null : Redactor.redact(rs.getString("donor_name")),
                    rs.getBoolean("example")));
        });
    }
}
