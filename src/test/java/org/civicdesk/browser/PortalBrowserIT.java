package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Issue 12's walk: a reader opens the front page and reads the city's figures, searches 早餐会 and
 * lands on the series page by the first hit, opens the dashboards, sees a chart drawn from its table
 * and downloads that table's workbook; then the same pages on a phone.
 */
class PortalBrowserIT extends RealBrowserTest {

    @Test
    void aReaderGoesFromTheFrontPageToTheSeriesAndToADashboardsWorkbook() throws Exception {
        browser.open("/");
        assertThat(browser.find(By.id("home-heading")).getText()).isEqualTo("株洲市民生议事台");
        assertThat(browser.find(By.id("figure-series-breakfast")).getText()).contains("150").contains("已办结 147")
                .contains("办理中 3");
        assertThat(browser.find(By.id("figure-series-npc-16")).getText()).contains("239").contains("577");
        assertThat(browser.find(By.id("figure-campaign-99GD-2022")).getText()).contains("15,926,000.00");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#home-map[data-points]")).isEmpty());
        browser.checkAccessibility();
        browser.screenshot("portal-00-home");
        browser.readmeScreenshot("home");

        browser.find(By.id("home-q")).sendKeys("早餐会", Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/public/search"));
        browser.click(By.cssSelector("#search-hits li a"));
        browser.waitFor(d -> browser.path().equals("/public/series/breakfast"));
        assertThat(browser.find(By.tagName("h1")).getText()).contains("早餐会");

        browser.open("/public/stats");
        browser.waitFor(d -> "true".equals(browser.find(By.id("departments-league-chart")).getDomAttribute("data-drawn")));
        assertThat(browser.find(By.id("departments-league-table")).getText()).contains("株洲市财政局");
        browser.checkAccessibility();
        browser.screenshot("portal-01-dashboards");
        try (Workbook workbook = WorkbookFactory
                .create(new ByteArrayInputStream(browser.download(By.id("departments-league-xlsx"))))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("承办单位排行");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("全部事项；按按时办结率")
                    .contains("；数据截至 ");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("承办单位");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).startsWith("1. ");
        }

        browser.viewport(390, 844, true);
        browser.open("/");
        browser.checkAccessibility();
        browser.screenshot("portal-02-home-phone");
        browser.open("/public/stats");
        browser.waitFor(d -> "true".equals(browser.find(By.id("matters-by-month-chart")).getDomAttribute("data-drawn")));
        browser.checkAccessibility();
        browser.screenshot("portal-03-dashboards-phone");
    }
}
