package org.civicdesk.matters.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.Matters;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Workbooks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a batch of matters after a session, one row per matter (and its assignment when a lead
 * department is named). Every row is checked by the same rules as the API; if any row is bad
 * nothing is imported, and the answer names each bad row and field ({@code rows[row 3].raiser}).
 */
@Component
class MatterImport {

    static final String[] HEADERS = { "类型 type", "标题 title", "内容 content", "提出人 raiser", "系列 series",
            "会议 meetingId", "类别 category", "区县 district", "附议人 cosigners (、分隔)", "主办单位 lead",
            "协办单位 co (、分隔)" };

    record Report(int imported, List<Long> ids) {
    }

    private final MatterCommands service;

    MatterImport(MatterCommands service) {
        this.service = service;
    }

    @Transactional
    Report importWorkbook(InputStream in) throws IOException {
        List<FieldViolation> violations = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (Workbook workbook = Workbooks.open(in)) {
            for (Row row : Workbooks.dataRows(workbook.getNumberOfSheets() > 0 ? workbook.getSheetAt(0) : null)) {
                String[] c = Workbooks.cells(row, HEADERS.length);
                String where = Workbooks.where("rows", row);
                Long meetingId;
                try {
                    meetingId = c[5] == null ? null : Long.valueOf(c[5]);
                } catch (NumberFormatException e) {
                    violations.add(new FieldViolation(where + ".meetingId", "validation.type"));
                    continue;
                }
                try {
                    MatterId id = service.raise(new Matters.Raise(c[0], c[1], c[2], c[4], meetingId, c[3], c[6], c[7],
                            null, null, null, list(c[8]), null));
                    if (c[9] != null) {
                        service.assign(id, new Matters.Assign(c[9], list(c[10]), null, null));
                    }
                    ids.add(id.value());
                } catch (ProblemException e) {
                    violations.addAll(e.violationsAt(where));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        if (ids.isEmpty()) {
            throw Problems.invalid("file", "validation.emptyWorkbook");
        }
        return new Report(ids.size(), ids);
    }

    byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.header(workbook.createSheet("事项 Matters"), HEADERS);
            return Workbooks.bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(String cell) {
        return cell == null ? List.of()
                : Arrays.stream(cell.split("[、,，;；]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
