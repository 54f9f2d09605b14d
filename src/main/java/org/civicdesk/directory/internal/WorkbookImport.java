package org.civicdesk.directory.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.directory.internal.Commands.OrgCommand;
import org.civicdesk.directory.internal.Commands.PersonCommand;
import org.civicdesk.directory.internal.Commands.PostCommand;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organisations and people from an Excel workbook: the first sheet holds organisations,
 * the second people. Every row is checked; if any row is bad nothing is imported and the answer
 * names each bad row and field ({@code orgs[row 3].kind}).
 */
@Component
class WorkbookImport {

    static final String[] ORG_HEADERS = { "代码 code", "名称 name", "类别 kind", "上级代码 parentCode", "区县 district" };
    static final String[] PEOPLE_HEADERS = { "姓名 name", "机构代码 orgCode", "职务 posts (、分隔)", "电话 phone",
            "邮箱 email" };

    record Report(boolean ok, int orgsCreated, int peopleCreated) {
    }

    private final DirectoryService directory;

    WorkbookImport(DirectoryService directory) {
        this.directory = directory;
    }

    @Transactional
    Report importWorkbook(InputStream in) throws IOException {
        List<FieldViolation> violations = new ArrayList<>();
        int orgs = 0;
        int people = 0;
        try (Workbook workbook = open(in)) {
            DataFormatter format = new DataFormatter();
            Sheet orgSheet = workbook.getNumberOfSheets() > 0 ? workbook.getSheetAt(0) : null;
            for (Row row : rows(orgSheet)) {
                String[] c = cells(row, format, 5);
                try {
                    directory.createOrg(new OrgCommand(c[0], c[1], c[2], c[3], c[4]));
                    orgs++;
                } catch (ProblemException e) {
                    prefix(violations, "orgs", row, e);
                }
            }
            Sheet peopleSheet = workbook.getNumberOfSheets() > 1 ? workbook.getSheetAt(1) : null;
            for (Row row : rows(peopleSheet)) {
                String[] c = cells(row, format, 5);
                List<PostCommand> posts = c[2] == null ? List.of()
                        : Arrays.stream(c[2].split("[、,，;；]")).map(String::trim).filter(t -> !t.isEmpty())
                                .map(t -> new PostCommand(c[1], t)).toList();
                try {
                    directory.createPerson(new PersonCommand(c[0], c[1], c[3], c[4], posts));
                    people++;
                } catch (ProblemException e) {
                    prefix(violations, "people", row, e);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        if (orgs + people == 0) {
            throw Problems.invalid("file", "validation.emptyWorkbook");
        }
        return new Report(true, orgs, people);
    }

    byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            header(workbook.createSheet("机构 Orgs"), ORG_HEADERS);
            header(workbook.createSheet("人员 People"), PEOPLE_HEADERS);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Workbook open(InputStream in) {
        try {
            return WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw Problems.invalid("file", "validation.notWorkbook");
        }
    }

    private static void header(Sheet sheet, String[] headers) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            row.createCell(i).setCellValue(headers[i]);
            sheet.setColumnWidth(i, 20 * 256);
        }
    }

    /** The data rows: the first row is the header, blank rows are skipped. */
    private static List<Row> rows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        if (sheet == null) {
            return rows;
        }
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            boolean blank = true;
            for (Cell cell : row) {
                if (!new DataFormatter().formatCellValue(cell).isBlank()) {
                    blank = false;
                }
            }
            if (!blank) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String[] cells(Row row, DataFormatter format, int n) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            Cell cell = row.getCell(i);
            String v = cell == null ? "" : format.formatCellValue(cell).trim();
            values[i] = v.isEmpty() ? null : v;
        }
        return values;
    }

    private static void prefix(List<FieldViolation> into, String sheet, Row row, ProblemException e) {
        String where = sheet + "[row " + (row.getRowNum() + 1) + "]";
        if (e.violations().isEmpty()) {
            into.add(new FieldViolation(where, e.messageKey(), e.args()));
        }
        for (FieldViolation v : e.violations()) {
            into.add(new FieldViolation(where + "." + v.field(), v.messageKey(), v.args()));
        }
    }
}
