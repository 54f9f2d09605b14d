package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * A charity officer opens a campaign, records a donation through the form, prints its receipt, and
 * anyone then sees it on the public campaign page and the annual disclosure.
 */
class CharityBrowserIT extends RealBrowserTest {

    @Test
    void recordsADonationAndSeesItOnThePublicCampaignPage() throws Exception {
        browser.open("/login");
        browser.find(By.id("username")).sendKeys("charity");
        browser.find(By.id("password")).sendKeys("civicdesk-demo", Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/desk"));

        browser.click(By.cssSelector("main a[href$='/charity/campaigns']"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("募捐活动");
        browser.checkAccessibility();
        String code = "B-" + Api.unique();
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("name")).sendKeys("浏览器测试募捐");
        browser.find(By.id("goal")).sendKeys("5000");
        browser.click(By.cssSelector("form[action$='/charity/campaigns'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("浏览器测试募捐");
        browser.checkAccessibility();

        browser.open("/charity/donations/new?campaign=" + code);
        browser.find(By.id("amount")).sendKeys("1.234");
        browser.click(By.cssSelector("form[action$='/charity/donations'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#amount + .form-text + .invalid-feedback")).getText()).contains("两位小数");
        browser.checkAccessibility();
        browser.screenshot("charity-01-donation-errors");

        assertThat(new Select(browser.find(By.id("campaign"))).getFirstSelectedOption().getText()).isEqualTo("浏览器测试募捐");
        browser.find(By.id("amount")).clear();
        browser.find(By.id("amount")).sendKeys("1592.60");
        browser.find(By.id("donorName")).sendKeys("株洲爱心人士");
        browser.click(By.cssSelector("form[action$='/charity/donations'] button[type=submit]"));
        assertThat(browser.find(By.id("receipt-capitals")).getText()).isEqualTo("壹仟伍佰玖拾贰元陆角整");
        assertThat(browser.find(By.id("receipt-amount")).getText()).isEqualTo("¥1,592.60");
        assertThat(browser.find(By.id("receipt-donor")).getText()).isEqualTo("株洲爱心人士");
        // The number is given moments after the donation is recorded; the page fetches it by itself.
        browser.waitFor(d -> {
            try {
                return d.findElement(By.id("receipt-no")).getText().matches("\\d{4}-\\d{6}");
            } catch (StaleElementReferenceException swappedMeanwhile) {
                return false;
            }
        });
        assertThat(browser.find(By.tagName("article")).getText()).contains("慈善总会工作人员(示例)", "株洲市慈善总会");
        browser.checkAccessibility();
        browser.screenshot("charity-02-receipt");

        browser.open("/charity/donations?campaign=" + code);
        assertThat(browser.find(By.cssSelector("table tbody")).getText()).contains("株洲爱心人士", "1,592.60");
        browser.checkAccessibility();

        browser.open("/public/charity/campaigns/" + code);
        assertThat(browser.find(By.id("campaign-raised")).getText()).isEqualTo("1,592.60元");
        assertThat(browser.find(By.id("campaign-donations")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("campaign-donors")).getText()).isEqualTo("1");
        browser.checkAccessibility();
        browser.screenshot("charity-03-public-campaign");

        browser.signOut();
        browser.open("/public/charity/campaigns/" + code);
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("株洲爱心人士").contains("1,592.60");
        browser.open("/public/charity");
        assertThat(browser.find(By.tagName("main")).getText()).contains("2022年“99公益日”网络众筹", "1592.6万元");
        browser.checkAccessibility();
        browser.open("/public/charity/disclosure?year=2022");
        assertThat(browser.find(By.id("disclosure-raised")).getText()).isEqualTo("2674.49万元");
        assertThat(browser.find(By.id("disclosure-aid")).getText()).isEqualTo("2873.81万元");
        assertThat(browser.find(By.id("disclosure-claims")).getText()).isEqualTo("145.93万元");
        browser.checkAccessibility();
        browser.screenshot("charity-04-disclosure");
        browser.open("/public/charity/disclosure?year=2022&lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Charity disclosure 2022");
        assertThat(browser.find(By.id("disclosure-raised")).getText()).isEqualTo("26.74 million yuan");
        browser.checkAccessibility();
        browser.open("/public/charity?lang=zh_CN");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("慈善募捐");
    }
}
