package org.civicdesk.directory;

/**
 * An organisation as an administrator, a workbook or another module sends it; the directory checks
 * every field.
 *
 * @param kind the name of an {@link OrgKind}
 * @param parentCode the organisation it belongs to, or {@code null}
 * @param external whether it lies outside the city (外地); {@code null} means no (or, on a change, as
 *        it was)
 * @param nameEn its English name (英文名称), optional; {@code null} leaves it as it was on a change, blank
 *        removes it
 */
public record OrgCommand(String code, String name, String kind, String parentCode, String district,
        Boolean external, String nameEn) {

    /** An organisation whose place in or outside the city is not said: in the city, or as it was. */
    public OrgCommand(String code, String name, String kind, String parentCode, String district) {
        this(code, name, kind, parentCode, district, null, null);
    }

    /** An organisation without an English name, or whose English name stays as it was. */
    public OrgCommand(String code, String name, String kind, String parentCode, String district, Boolean external) {
        this(code, name, kind, parentCode, district, external, null);
    }
}
