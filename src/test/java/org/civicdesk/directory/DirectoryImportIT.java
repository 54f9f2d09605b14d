package org.civicdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import jakarta.servlet.http.Cookie;

@IntegrationTest
class DirectoryImportIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsEveryRowOrNoneAndNamesTheBadOnes() throws Exception {
        String admin = api.adminToken();
        String parent = "IMP-" + Api.unique();
        String child = "IMP-" + Api.unique();
        long orgs = count("org");
        long people = count("person");
        byte[] bad = workbook(new String[][] { { parent, "导入测试局", "GOVERNMENT", "", "天元区" },
                { child, "", "CASTLE", parent, "" } },
                new String[][] { { "导入测试人", parent, "局长、党组书记", "0731-28888888", "" } });
        api.mvc().perform(multipart("/api/v1/directory/import").file(new MockMultipartFile("file", "d.xlsx", null, bad))
                .header("Authorization", "Bearer " + admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("orgs[row 3].name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("orgs[row 3].kind")));
        assertThat(count("org")).isEqualTo(orgs);
        assertThat(count("person")).isEqualTo(people);

        byte[] good = workbook(new String[][] { { parent, "导入测试局", "GOVERNMENT", "", "天元区" },
                { child, "导入测试科", "GOVERNMENT", parent, "" } },
                new String[][] { { "导入测试人", parent, "局长、党组书记", "0731-28888888", "" } });
        api.mvc().perform(multipart("/api/v1/directory/import").file(new MockMultipartFile("file", "d.xlsx", null, good))
                .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgsCreated").value(2))
                .andExpect(jsonPath("$.peopleCreated").value(1));
        api.get("/api/v1/orgs/" + child, admin).andExpect(jsonPath("$.parentCode").value(parent));
        api.get("/api/v1/people?q=导入测试人", admin).andExpect(jsonPath("$[0].posts.length()").value(2));
        api.mvc().perform(multipart("/api/v1/directory/import").file(new MockMultipartFile("file", "d.xlsx", null, good))
                .header("Authorization", "Bearer " + api.tokenFor("SUPERVISOR", null)))
                .andExpect(status().isForbidden());
        api.get("/api/v1/directory/import/template", admin).andExpect(status().isOk());
    }

    /** The import page's link works with the browser's session, where the API's address wants a token. */
    @Test
    void theImportPageOffersTheTemplateToTheSignedInAdministrator() throws Exception {
        Cookie session = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        api.mvc().perform(get("/directory/import").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/directory/import/template\"")));
        byte[] file = api.mvc().perform(get("/directory/import/template").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
        }
        api.mvc().perform(get("/directory/import/template")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anAdministratorEditsAnAccountAndDisablingItRevokesItsTokens() throws Exception {
        String admin = api.adminToken();
        String username = "e-" + Api.unique();
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"first-pass-1\","
                + "\"displayName\":\"甲\",\"roles\":[\"RAISER\"]}");
        String token = api.token(username, "first-pass-1");
        api.put("/api/v1/accounts/" + username, admin, "{\"displayName\":\"乙\",\"roles\":[\"HANDLER\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgCode"));
        api.put("/api/v1/accounts/" + username, admin, "{\"displayName\":\"乙\",\"roles\":[\"HANDLER\"],"
                + "\"orgCode\":\"ZZ-FIN\"}").andExpect(status().isOk()).andExpect(jsonPath("$.orgCode").value("ZZ-FIN"));
        api.get("/api/v1/me", token).andExpect(jsonPath("$.roles[0]").value("HANDLER"));
        api.put("/api/v1/accounts/" + username, admin, "{\"displayName\":\"乙\",\"roles\":[\"HANDLER\"],"
                + "\"orgCode\":\"ZZ-FIN\",\"enabled\":false}").andExpect(jsonPath("$.enabled").value(false));
        api.get("/api/v1/me", token).andExpect(status().isUnauthorized());
        api.post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"first-pass-1\"}")
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("BAD_CREDENTIALS"));
        api.put("/api/v1/accounts/admin", admin, "{\"displayName\":\"x\",\"roles\":[\"RAISER\"]}")
                .andExpect(status().isBadRequest());
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static byte[] workbook(String[][] orgs, String[][] people) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(workbook.createSheet("orgs"), orgs);
            fill(workbook.createSheet("people"), people);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Sheet sheet, String[][] rows) {
        sheet.createRow(0).createCell(0).setCellValue("header");
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }
}
