package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A resident applies to the choir through the public page, looks the application up and withdraws it,
 * and finds the CDC's chickenpox alert with the search box; the organiser sees the application with
 * its phone number, confirms it and accepts it.
 */
class CallsBrowserIT extends RealBrowserTest {

    @Test
    void appliesToTheChoirAndSearchesForANotice() throws Exception {
        browser.open("/public/calls");
        browser.checkAccessibility();
        browser.click(By.linkText("株洲群星合唱团 招募新团员"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("株洲群星合唱团 招募新团员");
        assertThat(browser.find(By.tagName("main")).getText()).contains("15674154189(胡先生)").contains("62岁以下");
        browser.checkAccessibility();

        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).contains("姓名").contains("必填");
        browser.checkAccessibility();
        browser.screenshot("calls-01-refused");

        new Select(browser.find(By.id("group"))).selectByValue("women");
        browser.find(By.id("name")).sendKeys("王秀英");
        browser.click(By.id("sex-F"));
        WebElement born = browser.find(By.id("birthDate"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '1970-05-01'", born);
        browser.find(By.id("phone")).sendKeys("13912345678");
        browser.click(By.cssSelector("main form button[type=submit]"));
        String applied = browser.find(By.cssSelector(".alert-success")).getText();
        assertThat(applied).contains("王秀英");
        assertThat(browser.driver().getPageSource()).doesNotContain("13912345678");
        browser.checkAccessibility();
        browser.screenshot("calls-02-applied");

        String number = applied.replaceAll("(?s).*报名编号 (\\d+).*", "$1");
        browser.click(By.cssSelector(".alert-success a"));
        browser.find(By.id("number")).sendKeys(number);
        browser.find(By.id("phone")).sendKeys("13912345679", Keys.ENTER);
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("报名编号");
        browser.checkAccessibility();
        browser.find(By.id("phone")).clear();
        browser.find(By.id("phone")).sendKeys("139 1234 5678", Keys.ENTER);
        assertThat(browser.find(By.tagName("main")).getText()).contains("待审核").contains("株洲群星合唱团").contains("女团员");
        browser.checkAccessibility();
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("已撤回");
        assertThat(browser.find(By.tagName("main")).getText()).contains("已撤回");
        browser.checkAccessibility();
        browser.screenshot("calls-03-withdrawn");

        WebElement search = browser.find(By.id("nav-search"));
        search.sendKeys("水痘", Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/public/search"));
        WebElement hit = browser.find(By.cssSelector("#search-hits li"));
        assertThat(hit.getText()).contains("水痘进入高发季节");
        assertThat(hit.findElement(By.tagName("mark")).getText()).isEqualTo("水痘");
        browser.checkAccessibility();
        browser.screenshot("calls-04-search");
        hit.findElement(By.tagName("a")).click();
        browser.waitFor(d -> browser.path().startsWith("/public/notices/"));
        assertThat(browser.find(By.tagName("h1")).getText()).contains("水痘");
        browser.checkAccessibility();
        browser.open("/public/notices");
        browser.checkAccessibility();
    }

    @Test
    void showsTheApplicationsWithTheirPhoneToTheOrganiser() throws Exception {
        browser.open("/login");
        browser.find(By.id("username")).sendKeys("admin");
        browser.find(By.id("password")).sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/desk"));
        browser.open("/public/calls/zz-qunxing-choir-2023");
        new Select(browser.find(By.id("group"))).selectByValue("men");
        browser.find(By.id("name")).sendKeys("胡建国");
        browser.click(By.id("sex-M"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '1975-01-01'",
                browser.find(By.id("birthDate")));
        browser.find(By.id("phone")).sendKeys("13700001111");
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("胡建国");

        browser.click(By.linkText("报名情况"));
        WebElement row = browser.find(By.xpath("//tr[td[contains(., '胡建国')]]"));
        assertThat(row.getText()).contains("13700001111").contains("待审核").contains("男团员").doesNotContain("men");
        browser.checkAccessibility();
        row.findElement(By.cssSelector("button.btn-primary")).click();
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("已确认");
        browser.find(By.xpath("//tr[td[contains(., '胡建国')]]")).findElement(By.cssSelector("button.btn-success"))
                .click();
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("已录取");
        browser.checkAccessibility();

        browser.open("/notices");
        browser.checkAccessibility();
        browser.open("/public/search?q=合唱&kind=CALL&lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Search");
        browser.checkAccessibility();
        browser.open("/public/search?lang=zh_CN");
    }
}
