package org.civicdesk.places.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.civicdesk.shared.OpenDataset;
import org.civicdesk.shared.Redactor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The honours the city's organisations received, as the public honours page lists them. */
@Component
class HonourDataset implements OpenDataset {

    private final JdbcClient jdbc;

    HonourDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "honours";
    }

    @Override
    public Meaning meaning() {
        return new Meaning("本市单位获得的荣誉，每行一项。", "Honours the city's organisations received, one a row.");
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.of("id", "荣誉编号", "Honour number"), Column.of("title", "荣誉名称", "Title"),
                Column.of("awarding_body", "授予单位", "Awarded by"), Column.of("awarded_on", "授予（或报道）日期", "Date awarded (or reported)"),
                Column.of("level", "级别：NATIONAL、PROVINCIAL、MUNICIPAL、COUNTY、INDUSTRY", "Level"),
                Column.of("org_code", "获奖单位代码", "The honoured organisation's code"),
                Column.of("org_name", "获奖单位名称", "The honoured organisation's name"),
                Column.of("citation", "说明，已隐去联系方式", "Citation, contact details removed"));
    }

    @Override
    public void rows(Consumer<List<Object>> row) {
        jdbc.sql("SELECT * FROM honour ORDER BY id").query((RowCallbackHandler) rs -> row.accept(Arrays.asList(
                rs.getLong("id"), rs.getString("title"), rs.getString("awarding_body"), rs.getObject("awarded_on", LocalDate.class),
                rs.getString("honour_level"), rs.getString("org_code"), rs.getString("org_name"),
                Redactor.redact(rs.getString("citation")))));
    }
}
