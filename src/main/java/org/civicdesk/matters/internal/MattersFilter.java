package org.civicdesk.matters.internal;

import org.civicdesk.matters.MatterType;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/**
 * What every filter of matters narrows by besides a list's text, status and period: the series (by
 * its slug) and the type of matter, as the address gives them.
 */
abstract class MattersFilter extends ListFilter {

    private String series;
    private String type;

    /** The series asked for, or {@code null} for all. */
    String series() {
        return series == null || series.isBlank() ? null : series.trim();
    }

    /** The type asked for, or {@code null} for all; an unknown one is a violation of {@code type}. */
    MatterType type(Checks checks) {
        return checks.oneOf("type", type, MatterType.class);
    }

    public String getSeries() {
        return series;
    }

    public void setSeries(String series) {
        this.series = series;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
