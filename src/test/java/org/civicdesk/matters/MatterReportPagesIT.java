package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.servlet.http.Cookie;

/**
 * The handling report in the browser: its page, its workbook downloaded with the page's session in the
 * reader's language, a handler kept to its own department, and the departments' league table.
 */
@IntegrationTest
class MatterReportPagesIT {

    @Autowired
    Api api;

    /** A filter that does not parse is named beside its field, with a 400 and no figures. */
    @Test
    void aBadFilterOfTheReportsIsNamedBesideItsField() throws Exception {
        Cookie session = signIn("supervisor");
        api.mvc().perform(get("/reports/matters?from=2022-13-45&groupBy=NOPE").cookie(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#report-from\"")))
                .andExpect(content().string(containsString("href=\"#report-groupBy\"")))
                .andExpect(content().string(not(containsString("id=\"chart-volume\""))));
        api.mvc().perform(get("/reports/matters?from=2023-12-31&to=2022-01-01").cookie(session))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("href=\"#report-to\"")));
        api.mvc().perform(get("/reports/departments?type=NOPE").cookie(session))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("href=\"#league-type\"")));
        api.mvc().perform(get("/reports/matters.xlsx?to=yesterday").cookie(session))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aSupervisorSeesTheReportAndDownloadsItInItsLanguageWithTitleAndPeriod() throws Exception {
        api.mvc().perform(get("/reports/matters")).andExpect(status().is3xxRedirection());
        Cookie session = signIn("supervisor");
        api.mvc().perform(get("/reports/matters?from=2022-01-01&to=2023-12-31").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("办理情况统计（按承办单位）")))
                .andExpect(content().string(containsString("统计期间：2022-01-01 – 2023-12-31")))
                .andExpect(content().string(containsString("株洲市财政局")))
                .andExpect(content().string(containsString("id=\"chart-volume\"")))
                .andExpect(content().string(containsString(
                        "href=\"/reports/matters.xlsx?groupBy=ORG&amp;from=2022-01-01&amp;to=2023-12-31\"")));

        byte[] zh = api.mvc().perform(get("/reports/matters.xlsx?groupBy=ORG&from=2022-01-01&to=2023-12-31")
                .cookie(session)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(zh))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("办理情况统计（按承办单位）");
            assertThat(text(sheet, 1, 0)).startsWith("统计期间：2022-01-01 – 2023-12-31；数据截至 ");
            assertThat(text(sheet, 2, 3)).isEqualTo("办件数");
            for (org.apache.poi.ss.usermodel.Cell head : sheet.getRow(2)) {
                assertThat(head.getStringCellValue()).as("one language").doesNotContainPattern("[A-Za-z]{3,}");
            }
            assertThat(text(sheet, sheet.getLastRowNum(), 1)).isEqualTo("合计");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(3).getNumericCellValue()).isPositive();
        }

        byte[] en = api.mvc().perform(get("/reports/matters.xlsx?groupBy=TYPE&from=2022-01-01&to=2023-12-31&lang=en")
                .cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(en))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("Handling report by type of matter");
            assertThat(text(sheet, 1, 0)).startsWith("Period: 1 Jan 2022 – 31 Dec 2023; figures as of ");
            assertThat(text(sheet, 2, 3)).isEqualTo("Cases");
            for (Row row : sheet) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        assertThat(cell.getStringCellValue()).as("one language").doesNotContainPattern("\\p{IsHan}");
                    }
                }
            }
        }
    }

    @Test
    void aHandlerSeesItsOwnDepartmentOnlyAndNotTheLeagueTable() throws Exception {
        Cookie handler = signIn("handler-fin");
        api.mvc().perform(get("/reports/matters?org=ZZ-DRC").cookie(handler)).andExpect(status().isOk())
                .andExpect(content().string(containsString("承办单位：株洲市财政局")))
                .andExpect(content().string(not(containsString("id=\"report-org\""))));
        byte[] xlsx = api.mvc().perform(get("/reports/matters.xlsx?org=ZZ-DRC").cookie(handler))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(text(workbook.getSheetAt(0), 1, 0)).contains("承办单位：株洲市财政局");
        }
        api.mvc().perform(get("/reports/departments").cookie(handler)).andExpect(status().isForbidden());
        api.mvc().perform(get("/reports/matters").cookie(signIn("raiser"))).andExpect(status().isForbidden());
        api.get("/api/v1/reports/matters", api.tokenFor("HANDLER", "ZZ-FIN")).andExpect(status().isForbidden());
    }

    @Test
    void theLeagueTableRanksEveryDepartmentOnAPrintablePage() throws Exception {
        Cookie session = signIn("supervisor");
        api.mvc().perform(get("/reports/departments").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"league-table\"")))
                .andExpect(content().string(containsString("data-print")))
                .andExpect(content().string(containsString("株洲市财政局")));
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"board-figures\"")))
                .andExpect(content().string(containsString("href=\"/reports/matters\"")));
    }

    private static String text(Sheet sheet, int row, int cell) {
        return sheet.getRow(row).getCell(cell).getStringCellValue();
    }

    private Cookie signIn(String username) throws Exception {
        return api.mvc().perform(formLogin().user(username).password("civicdesk-demo")).andExpect(redirectedUrl("/desk"))
                .andReturn().getResponse().getCookie("SESSION");
    }
}
