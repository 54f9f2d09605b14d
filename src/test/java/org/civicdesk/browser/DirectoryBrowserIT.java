package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A clerk signs in, creates an organisation through the form and finds it in the list. */
class DirectoryBrowserIT extends RealBrowserTest {

    @Test
    void signsInCreatesAnOrganisationAndFindsIt() throws Exception {
        browser.open("/");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("株洲市民生议事台");
        browser.checkAccessibility();
        browser.screenshot("01-home");

        browser.click(By.linkText("工作人员登录"));
        browser.find(By.id("username")).sendKeys("admin");
        browser.find(By.id("password")).sendKeys("wrong password", Keys.ENTER);
        assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).contains("不正确");
        browser.checkAccessibility();
        browser.find(By.id("username")).sendKeys("admin");
        browser.find(By.id("password")).sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/desk"));

        browser.open("/directory/orgs");
        browser.checkAccessibility();
        browser.readmeScreenshot("directory");
        browser.click(By.linkText("新建机构"));
        browser.checkAccessibility();

        browser.click(By.cssSelector("button[type=submit].btn-primary"));
        assertThat(browser.find(By.cssSelector("#name + .invalid-feedback")).getText()).isEqualTo("必填。");
        browser.checkAccessibility();
        browser.screenshot("02-org-form-errors");

        String code = "B-" + Api.unique();
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("name")).sendKeys("株洲市浏览器测试中心");
        new Select(browser.find(By.id("kind"))).selectByValue("SOCIAL");
        browser.find(By.id("parentCode")).sendKeys("ZZ-CIVIL");
        browser.find(By.id("district")).sendKeys("天元区");
        browser.click(By.cssSelector("button[type=submit].btn-primary"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("株洲市浏览器测试中心");

        WebElement search = browser.find(By.id("org-q"));
        search.sendKeys(code);
        browser.waitFor(d -> d.findElements(By.cssSelector("#org-results tbody tr")).size() == 1
                && d.findElement(By.cssSelector("#org-results tbody tr")).getText().contains(code));
        assertThat(browser.find(By.cssSelector("#org-results tbody tr")).getText())
                .contains("株洲市浏览器测试中心").contains("社会组织").contains("株洲市民政局").contains("天元区");
        browser.checkAccessibility();
        browser.screenshot("03-org-found");
    }

    @Test
    void everyAdministrationPagePassesTheAccessibilityCheckInBothLanguages() throws Exception {
        browser.open("/login");
        if (!browser.driver().findElements(By.id("username")).isEmpty()) {
            browser.find(By.id("username")).sendKeys("admin");
            browser.find(By.id("password")).sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
            browser.waitFor(d -> browser.path().equals("/desk"));
        }
        for (String page : new String[] { "/directory/people", "/directory/people/new", "/directory/accounts",
                "/directory/accounts/supervisor/edit", "/directory/import", "/admin/audit" }) {
            browser.open(page);
            browser.checkAccessibility();
        }
        browser.screenshot("04-audit");
        browser.open("/directory/orgs?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Organisations");
        browser.checkAccessibility();
        browser.open("/directory/people");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("People");
        browser.open("/directory/orgs?lang=zh_CN");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("机构");
    }
}
