package org.civicdesk.projects.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicdesk.shared.web.PublicFigures;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The special-bond projects at each stage, for the dashboards. */
@Component
class ProjectFigures implements PublicFigures {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ProjectFigures(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Every stage in the order projects pass through them, with the projects and the sums at it. */
    @Override
    public List<Table> tables(Locale locale) {
        Map<String, List<BigDecimal>> byStage = new HashMap<>();
        jdbc.sql("SELECT stage, COUNT(*) AS projects, SUM(amount_requested) AS requested, "
                + "COALESCE(SUM(amount_granted), 0) AS granted FROM project GROUP BY stage")
                .query(rs -> {
                    byStage.put(rs.getString("stage"), List.of(BigDecimal.valueOf(rs.getLong("projects")),
                            rs.getBigDecimal("requested"), rs.getBigDecimal("granted")));
                });
        List<Line> lines = new ArrayList<>();
        List<BigDecimal> none = List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        for (Stage stage : Stage.values()) {
            lines.add(new Line(msg(locale, "projects.stage." + stage), byStage.getOrDefault(stage.name(), none)));
        }
        return List.of(new Table("projects-by-stage", 50, msg(locale, "projects.figures.byStage"),
                msg(locale, "projects.figures.byStage.period"), Chart.BAR, msg(locale, "projects.stage"),
                List.of(new Column(msg(locale, "projects.figures.projects"), Measure.COUNT),
                        new Column(msg(locale, "projects.figures.requested"), Measure.MONEY),
                        new Column(msg(locale, "projects.figures.granted"), Measure.MONEY)),
                lines, List.of(1)));
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
