package org.civicdesk.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.directory.PostCommand;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Workbooks;
import org.civicdesk.shared.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
        try (Workbook workbook = Workbooks.open(in)) {
                        Sheet orgSheet = workbook.getNumberOfSheets() > 0 ? workbook.getSheetAt(0) : null;
            for (Row row : Workbooks.dataRows(orgSheet)) {
                String[] c = Workbooks.cells(row, 5);
                try {
                    directory.createOrg(new OrgCommand(c[0], c[1], c[2], c[3], c[4]));
                    orgs++;
                } catch (ProblemException e) {
                    violations.addAll(e.violationsAt(Workbooks.where("orgs", row)));
                }
            }
            Sheet peopleSheet = workbook.getNumberOfSheets() > 1 ? workbook.getSheetAt(1) : null;
            for (Row row : Workbooks.dataRows(peopleSheet)) {
                String[] c = Workbooks.cells(row, 5);
                List<PostCommand> posts = c[2] == null ? List.of()
                        : Arrays.stream(c[2].split("[、,，;；]")).map(String::trim).filter(t -> !t.isEmpty())
                                .map(t -> new PostCommand(c[1], t)).toList();
                try {
                    directory.createPerson(new PersonCommand(c[0], c[1], c[3], c[4], posts, false));
                    people++;
                } catch (ProblemException e) {
                    violations.addAll(e.violationsAt(Workbooks.where("people", row)));
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

    /** The empty workbook to fill in, as a download: the API and the import page both offer it. */
    ResponseEntity<byte[]> templateDownload() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"directory-template.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(template());
    }

    byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.header(workbook.createSheet("机构 Orgs"), ORG_HEADERS);
            Workbooks.header(workbook.createSheet("人员 People"), PEOPLE_HEADERS);
            return Workbooks.bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
