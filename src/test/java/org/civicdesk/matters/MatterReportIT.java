package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class MatterReportIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsTheRatesPerDepartmentOnScreenAndInExcel() throws Exception {
        String admin = api.adminToken();
        String org = "REP-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + org + "\",\"name\":\"报表测试局\",\"kind\":\"GOVERNMENT\"}");
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String raiser = api.tokenFor("RAISER", null);
        String handler = api.tokenFor("HANDLER", org);
        for (String rating : new String[] { "SATISFIED", "UNSATISFIED", null }) {
            long id = id(api.post("/api/v1/matters", raiser, "{\"type\":\"PROBLEM\",\"title\":\"t\",\"content\":\"c\"}")
                    .andReturn().getResponse().getContentAsString(), "$.id");
            long caseId = id(api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"" + org + "\"}")
                    .andReturn().getResponse().getContentAsString(), "$.cases[0].id");
            api.post("/api/v1/cases/" + caseId + "/sign", handler, "").andExpect(status().isOk());
            if (rating == null) {
                continue;
            }
            api.post("/api/v1/cases/" + caseId + "/contacts", handler, "{\"method\":\"VISIT\"}");
            api.post("/api/v1/cases/" + caseId + "/answer", handler, "{\"category\":\"A\",\"text\":\"答复\"}");
            api.post("/api/v1/matters/" + id + "/evaluation", raiser, "{\"rating\":\"" + rating + "\"}");
        }
        String line = "$.lines[?(@.key == '" + org + "')]";
        api.get("/api/v1/reports/matters?groupBy=ORG", supervisor)
                .andExpect(status().isOk())
                .andExpect(jsonPath(line + ".label", hasItem("报表测试局")))
                .andExpect(jsonPath(line + ".items", hasItem(3)))
                .andExpect(jsonPath(line + ".cases", hasItem(3)))
                .andExpect(jsonPath(line + ".signedOnTime", hasItem(3)))
                .andExpect(jsonPath(line + ".answered", hasItem(2)))
                .andExpect(jsonPath(line + ".closed", hasItem(1)))
                .andExpect(jsonPath(line + ".inProgress", hasItem(2)))
                .andExpect(jsonPath(line + ".rated", hasItem(2)))
                .andExpect(jsonPath(line + ".satisfactionRate", hasItem(50.0)))
                .andExpect(jsonPath(line + ".contactRate", hasItem(100.0)))
                .andExpect(jsonPath(line + ".reworkRate", hasItem(50.0)))
                .andExpect(jsonPath(line + ".categoryA", hasItem(2)));
        api.get("/api/v1/reports/matters?groupBy=PLANET", supervisor).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("groupBy"));
        api.get("/api/v1/reports/matters", handler).andExpect(status().isForbidden());

        byte[] xlsx = api.get("/api/v1/reports/matters.xlsx?groupBy=ORG", supervisor).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean found = false;
            for (Row row : workbook.getSheetAt(0)) {
                if (org.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(3);
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void importsABatchOnlyWhenEveryRowIsGood() throws Exception {
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String raiserName = "dep-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + raiserName + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"代表\",\"roles\":[\"RAISER\"]}");
        long before = jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
        byte[] bad = workbook(new String[][] {
                { "SUGGESTION", "关于增设公交线路的建议", "内容", raiserName, "", "", "交通", "天元区", "", "ZZ-DRC", "ZZ-FIN" },
                { "WISH", "", "内容", "nobody-" + Api.unique(), "", "", "", "", "", "NO-ORG", "" } });
        api.mvc().perform(multipart("/api/v1/matters/import").file(new MockMultipartFile("file", "m.xlsx", null, bad))
                .header("Authorization", "Bearer " + supervisor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[row 3].type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[row 3].title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[row 3].raiser")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single()).isEqualTo(before);

        byte[] good = workbook(new String[][] {
                { "SUGGESTION", "关于增设公交线路的建议", "内容", raiserName, "", "", "交通", "天元区", "", "ZZ-DRC", "ZZ-FIN" },
                { "PROPOSAL", "关于保护文史馆的提案", "内容", raiserName, "", "", "文化", "", "", "", "" } });
        String body = api.mvc().perform(multipart("/api/v1/matters/import")
                .file(new MockMultipartFile("file", "m.xlsx", null, good)).header("Authorization", "Bearer " + supervisor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2))
                .andReturn().getResponse().getContentAsString();
        long first = id(body, "$.ids[0]");
        api.get("/api/v1/matters/" + first, supervisor).andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.cases.length()").value(2));
        api.mvc().perform(multipart("/api/v1/matters/import").file(new MockMultipartFile("file", "m.xlsx", null,
                "not a workbook".getBytes())).header("Authorization", "Bearer " + supervisor))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    private static byte[] workbook(String[][] rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("header");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static long id(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }
}
