package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * A supervisor goes from the board to the handling report, narrows it, sees its charts drawn from its
 * tables, downloads its workbook as the page's link gives it (the browser's own session, no token) in
 * Chinese and then in English, and opens the printable league table of departments.
 */
class ReportsBrowserIT extends RealBrowserTest {

    @Test
    void aSupervisorReadsTheReportDownloadsItsWorkbookAndPrintsTheLeagueTable() throws Exception {
        browser.signIn("supervisor", "civicdesk-demo");
        browser.open("/matters/board");
        assertThat(browser.find(By.id("board-figures")).getText()).contains("办件数");
        browser.click(By.id("board-report"));
        browser.screenshot("reports-00-opened");
        assertThat(browser.find(By.id("report-heading")).getText()).isEqualTo("办理情况统计（按承办单位）");
        browser.waitFor(d -> "true".equals(browser.find(By.id("chart-volume")).getDomAttribute("data-drawn")));
        assertThat(browser.find(By.id("table-volume")).getText()).contains("株洲市财政局");
        browser.checkAccessibility();
        browser.screenshot("reports-01-by-department");
        browser.readmeScreenshot("report");

        new Select(browser.find(By.id("report-groupBy"))).selectByValue("TYPE");
        // A date field takes typed digits in the browser's own order; setting its value is what a picker does.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2022-01-01'",
                browser.find(By.id("report-from")));
        browser.click(By.id("report-show"));
        browser.screenshot("reports-01b-by-type");
        assertThat(browser.find(By.id("report-heading")).getText()).isEqualTo("办理情况统计（按事项类型）");
        assertThat(browser.find(By.id("report-period")).getText()).startsWith("统计期间：2022-01-01 – …");
        browser.waitFor(d -> "true".equals(browser.find(By.id("chart-rates")).getDomAttribute("data-drawn")));
        browser.checkAccessibility();

        try (Workbook workbook = download()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cell(sheet, 0, 0)).isEqualTo("办理情况统计（按事项类型）");
            assertThat(cell(sheet, 1, 0)).startsWith("统计期间：2022-01-01 – …；数据截至 ");
            assertThat(cell(sheet, 2, 3)).isEqualTo("办件数");
            assertThat(cell(sheet, 3, 1)).matches("企业诉求|代表建议|政协提案|群众诉求|审议意见");
        }

        browser.open("/reports/matters?groupBy=TYPE&from=2022-01-01&lang=en");
        assertThat(browser.find(By.id("report-heading")).getText()).isEqualTo("Handling report by type of matter");
        assertThat(browser.find(By.id("report-period")).getText()).startsWith("Period: 1 Jan 2022 – …");
        browser.checkAccessibility();
        try (Workbook workbook = download()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cell(sheet, 0, 0)).isEqualTo("Handling report by type of matter");
            assertThat(cell(sheet, 1, 0)).startsWith("Period: 1 Jan 2022 – …; figures as of ");
            for (Row row : sheet) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.STRING) {
                        assertThat(c.getStringCellValue()).as("one language").doesNotContainPattern("\\p{IsHan}");
                    }
                }
            }
        }

        browser.open("/reports/departments?lang=zh");
        assertThat(browser.find(By.id("league-table")).getText()).contains("株洲市财政局");
        assertThat(browser.find(By.id("league-print")).isDisplayed()).isTrue();
        browser.checkAccessibility();
        browser.screenshot("reports-02-league");
        browser.signOut();
    }

    /** The page's Excel link, fetched with the browser's own session (no token). */
    private Workbook download() throws Exception {
        return WorkbookFactory.create(new ByteArrayInputStream(browser.download(By.id("report-excel"))));
    }

    private static String cell(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }
}
