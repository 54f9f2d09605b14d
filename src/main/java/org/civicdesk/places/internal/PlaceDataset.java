package org.civicdesk.places.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.civicdesk.shared.OpenDataset;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The places on the public map, as their pages show them (the manager's account is left out). */
@Component
class PlaceDataset implements OpenDataset {

    private final JdbcClient jdbc;

    PlaceDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "places";
    }

    @Override
    public Meaning meaning() {
        return new Meaning("党员教育基地、现场教学点等可预约参观的场所，每行一个。", "Places that groups can book to visit "
                + "(party-education bases, teaching points, community places, venues), one a row.");
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.of("id", "场所编号，与网页地址 /public/places/{id} 一致", "Place number, as in its page's address"),
                Column.of("name", "名称", "Name"),
                Column.of("kind", "类型：TRAINING_BASE 示范基地、TEACHING_POINT 现场教学点、COMMUNITY 社区阵地、VENUE 场馆",
                        "Kind: TRAINING_BASE, TEACHING_POINT, COMMUNITY or VENUE"),
                Column.of("level", "级别：PROVINCIAL 省级、MUNICIPAL 市级、COUNTY 县级", "Level: PROVINCIAL, MUNICIPAL or COUNTY"),
                Column.of("district", "所在区县", "District or county"),
                Column.of("address", "地址，未登记为空", "Address; empty if not recorded"),
                Column.of("lat", "纬度（WGS-84，度）", "Latitude (WGS-84, degrees)"),
                Column.of("lon", "经度（WGS-84，度）", "Longitude (WGS-84, degrees)"),
                Column.of("approximate", "坐标是否仅为近似位置（所在乡镇或区县）", "Whether the coordinates are only approximate"),
                Column.of("capacity", "可容纳人数", "Visitors it takes at a time"),
                Column.of("opening_hours", "开放时间，未登记为空", "Opening hours; empty if not recorded"),
                Column.of("contact", "场所的公开联系方式，未登记为空", "The place's public contact; empty if not recorded"),
                Column.of("example", "是否为演示用的示例数据", "Whether it is made-up example data"));
    }

    @Override
    public void rows(Consumer<List<Object>> row) {
        jdbc.sql("""
                SELECT id, name, kind, place_level, district, address, lat, lon, approximate, capacity, opening_hours,
                       contact, example
                FROM place ORDER BY id""").query((RowCallbackHandler) rs -> row.accept(Arrays.asList(
                rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("place_level"),
                rs.getString("district"), rs.getString("address"), rs.getBigDecimal("lat"), rs.getBigDecimal("lon"),
                rs.getBoolean("approximate"), rs.getInt("capacity"), rs.getString("opening_hours"),
                rs.getString("contact"), rs.getBoolean("example"))));
    }
}
