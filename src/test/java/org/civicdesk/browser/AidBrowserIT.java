package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aid and insurance end to end: a resident applies for aid and follows it, an officer approves and
 * pays it once; an officer files a claim on the livelihood insurance, approves and pays it.
 */
class AidBrowserIT extends RealBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAidApplicationIsSubmittedApprovedAndPaidOnce() throws Exception {
        browser.signIn("raiser", "civicdesk-demo");
        browser.open("/public/charity");
        browser.click(By.linkText("救助项目"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("救助项目");
        assertThat(browser.find(By.tagName("main")).getText()).contains("复合型特困家庭", "申请人须为本市户籍。");
        browser.checkAccessibility();
        browser.click(By.linkText("申请“大病救助（2023年）”"));

        String reason = "家人住院，自付部分较多 " + Api.unique();
        browser.find(By.id("reason")).sendKeys(reason);
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#amountRequested ~ .invalid-feedback")).getText()).isEqualTo("必填。");
        browser.checkAccessibility();
        new Select(browser.find(By.id("category"))).selectByVisibleText("因病致贫");
        browser.find(By.id("amountRequested")).sendKeys("8000");
        browser.click(By.id("localHukou"));
        browser.click(By.id("insured"));
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(d -> browser.path().matches("/aid/applications/\\d+"));
        String page = browser.path();
        assertThat(browser.find(By.id("application-status")).getText()).isEqualTo("已提交，待审核");
        assertThat(browser.find(By.id("eligibility")).getText()).contains("符合本项目的申请条件。");
        browser.checkAccessibility();
        browser.screenshot("aid-01-submitted");
        browser.signOut();

        browser.signIn("charity", "civicdesk-demo");
        browser.open("/charity/aid?status=SUBMITTED");
        assertThat(browser.find(By.cssSelector("table tbody")).getText()).contains("优先");
        browser.checkAccessibility();
        browser.click(By.cssSelector("a[href='" + page + "']"));
        browser.find(By.id("approve-amount")).sendKeys("7500");
        browser.click(By.cssSelector("form[action$='/approve'] button[type=submit]"));
        assertThat(browser.find(By.id("application-status")).getText()).isEqualTo("已批准，待支付");
        assertThat(browser.find(By.id("amount-approved")).getText()).isEqualTo("7,500.00");
        browser.checkAccessibility();
        browser.click(By.id("pay"));
        assertThat(browser.find(By.id("application-status")).getText()).isEqualTo("已支付");
        assertThat(browser.driver().findElements(By.id("pay"))).isEmpty();
        browser.screenshot("aid-02-paid");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aid_payment WHERE application_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        browser.signOut();

        browser.signIn("raiser", "civicdesk-demo");
        browser.open("/aid/applications");
        assertThat(browser.find(By.cssSelector("a[href='" + page + "']")).findElement(By.xpath("../.."))
                .getText()).contains("已支付");
        browser.checkAccessibility();
        browser.open(page);
        assertThat(browser.find(By.id("paid-on")).getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.id("review-heading"))).isEmpty();
        browser.signOut();
    }

    @Test
    void aClaimIsFiledApprovedAndPaid() throws Exception {
        browser.signIn("charity", "civicdesk-demo");
        browser.open("/charity/campaigns");
        browser.click(By.linkText("一元民生保险理赔"));
        browser.waitFor(d -> browser.path().equals("/charity/insurance/2022"));
        assertThat(browser.find(By.id("insurance-loss-ratio")).getText()).isEqualTo("112%");
        assertThat(browser.find(By.id("insurance-coverage")).getText()).isEqualTo("城区市民，共 1,600,000 人");
        browser.checkAccessibility();

        // A policy year of its own, so the demo's 2022 figures stay the paper's for every other test.
        int year = jdbc.sql("SELECT COALESCE(MIN(policy_year), 2101) - 1 FROM livelihood_policy WHERE policy_year >= 2050")
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO livelihood_policy (policy_year, insured_people, premium, insurer, coverage, created_at)
                VALUES (:year, 1000, 10000.00, '示例保险公司', '测试市民', CURRENT_TIMESTAMP)""").param("year", year).update();
        browser.open("/charity/insurance/" + year);
        String claimant = "浏览器测试参保人 " + Api.unique();
        browser.find(By.id("claimant")).sendKeys(claimant);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("incidentOn")), year + "-11-20");
        browser.find(By.id("amountClaimed")).sendKeys("3200");
        browser.find(By.id("incident")).sendKeys("下楼梯时摔伤，住院治疗");
        browser.click(By.cssSelector("form[action$='/claims'] button[type=submit]"));
        browser.waitFor(d -> browser.path().matches("/charity/insurance/" + year + "/claims/\\d+"));
        assertThat(browser.find(By.id("claim-status")).getText()).isEqualTo("已提交，待审核");
        browser.checkAccessibility();

        java.nio.file.Path invoice = java.nio.file.Files.createTempFile("invoice-", ".pdf");
        java.nio.file.Files.writeString(invoice, "%PDF-1.4 住院发票");
        browser.find(By.id("file")).sendKeys(invoice.toAbsolutePath().toString());
        browser.click(By.id("attach"));
        assertThat(browser.find(By.id("attachments")).getText()).contains(invoice.getFileName().toString());
        browser.checkAccessibility();

        browser.click(By.cssSelector("form[action$='/approve'] button[type=submit]"));
        assertThat(browser.find(By.id("claim-status")).getText()).isEqualTo("已批准，待支付");
        assertThat(browser.find(By.id("amount-approved")).getText()).isEqualTo("3,200.00");
        browser.click(By.id("pay"));
        assertThat(browser.find(By.id("claim-status")).getText()).isEqualTo("已支付");
        assertThat(browser.driver().findElements(By.id("pay"))).isEmpty();
        browser.checkAccessibility();
        browser.screenshot("aid-03-claim-paid");

        browser.open("/charity/insurance/" + year + "?status=PAID");
        assertThat(browser.find(By.cssSelector("table.table-striped tbody")).getText()).contains(claimant, "3,200.00");
        assertThat(browser.find(By.id("disclosure-claims")).getText()).isEqualTo("3,200.00元");
        assertThat(browser.find(By.id("insurance-loss-ratio")).getText()).isEqualTo("32%");
        browser.checkAccessibility();
        browser.signOut();
    }
}
