package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The patterns every page shares: a refused form names and links each bad field and marks it beside
 * the field, a field that holds a code offers names as one types, and a long list comes a page at a
 * time.
 */
class NamesAndListsBrowserIT extends RealBrowserTest {

    @Test
    void aRefusedFormNamesEachFieldAndACodeIsChosenByName() throws Exception {
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.open("/public/projects/ZXZ-2-02");
        WebElement description = browser.find(By.id("blocker-description"));
        description.clear();
        browser.find(By.id("blocker-workingDays")).clear();
        browser.click(By.cssSelector("form[action$='/blockers'] button[type=submit]"));

        WebElement summary = browser.find(By.cssSelector("form[action$='/blockers'] .error-summary"));
        List<String> links = summary.findElements(By.tagName("a")).stream().map(WebElement::getText).toList();
        assertThat(links).anyMatch(t -> t.startsWith("卡点内容")).anyMatch(t -> t.startsWith("责任部门"))
                .anyMatch(t -> t.startsWith("限办工作日"));
        assertThat(browser.find(By.id("blocker-description")).getAttribute("class")).contains("is-invalid");
        assertThat(browser.find(By.id("blocker-description")).getAttribute("aria-describedby"))
                .contains("blocker-description-error");
        assertThat(browser.find(By.id("blocker-description-error")).getText()).isEqualTo("必填。");
        browser.checkAccessibility();
        summary.findElement(By.cssSelector("a[href='#blocker-org']")).click();
        browser.waitFor(d -> "blocker-org".equals(d.switchTo().activeElement().getAttribute("id")));

        browser.find(By.id("blocker-org")).sendKeys("财政");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#blocker-org-options option[value='ZZ-FIN']")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector("#blocker-org-options option[value='ZZ-FIN']"))
                .getAttribute("label")).isEqualTo("株洲市财政局");
        browser.checkAccessibility();
        browser.screenshot("names-01-blocker-form");
    }

    @Test
    void longListsComeAPageAtATimeAndOrganisationsAsATree() throws Exception {
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.open("/admin/audit");
        assertThat(browser.find(By.cssSelector("nav[aria-label='分页']")).getText()).contains("第 1–50 条");
        browser.click(By.cssSelector("a[rel=next]"));
        browser.waitFor(d -> d.findElement(By.cssSelector("nav[aria-label='分页']")).getText().contains("第 51–"));
        browser.checkAccessibility();

        browser.open("/directory/people");
        assertThat(browser.driver().findElements(By.cssSelector("#people-results tbody tr"))).hasSizeLessThanOrEqualTo(50);
        browser.checkAccessibility();

        browser.open("/directory/orgs/tree");
        WebElement cdc = browser.find(By.xpath("//li[span[text()='株洲市疾病预防控制中心']]"));
        assertThat(cdc.findElement(By.xpath("ancestor::li[1]/span[1]")).getText()).isEqualTo("株洲市卫生健康委员会");
        browser.checkAccessibility();
        browser.screenshot("names-02-org-tree");
        browser.open("/directory/orgs/tree?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Organisation tree");
        browser.checkAccessibility();
        assertThat(browser.find(By.xpath("//li[span[text()='Zhuzhou Center for Disease Control and Prevention']]"))
                .findElement(By.xpath("ancestor::li[1]/span[1]")).getText()).isEqualTo("Zhuzhou Health Commission");
        browser.open("/directory/orgs/tree?lang=zh_CN");

        // On a phone a list's rows are cards, one under another, each value under its column's name.
        browser.viewport(390, 844, true);
        try {
            browser.open("/directory/people");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#people-results tbody tr"));
            assertThat(rows).hasSizeGreaterThan(1);
            assertThat(rows.get(0).getCssValue("display")).isEqualTo("block");
            assertThat(rows.get(1).getRect().getY()).as("the second card under the first")
                    .isGreaterThanOrEqualTo(rows.get(0).getRect().getY() + rows.get(0).getRect().getHeight());
            assertThat(rows.get(0).getRect().getX() + rows.get(0).getRect().getWidth()).isLessThanOrEqualTo(390);
            WebElement cell = rows.get(0).findElement(By.cssSelector("td[data-label]"));
            assertThat(cell.getAttribute("data-label")).isEqualTo("姓名");
            assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                    "return getComputedStyle(arguments[0], '::before').content;", cell)).isEqualTo("\"姓名\"");
            browser.screenshot("names-03-people-as-cards");
        } finally {
            browser.wholeWindow();
        }
    }
}
