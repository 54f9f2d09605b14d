package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * An organiser runs a meeting from creation to check-in: creates a series and a meeting through
 * the forms, invites the demo entrepreneur, who accepts and gets a registration code with its QR
 * code; the organiser types the code at the door, records the agenda and closes the meeting, and
 * the public sees it, in the calendar and in the series' charts. Every page is checked with axe.
 */
class MeetingBrowserIT extends RealBrowserTest {

    private static final String DEMO_PASSWORD = "civicdesk-demo";

    @Test
    void runsAMeetingFromCreationToCheckIn() throws Exception {
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.open("/meetings");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("会议组织");
        browser.checkAccessibility();

        String slug = "web-" + Api.unique();
        browser.find(By.id("slug")).sendKeys(slug);
        browser.find(By.id("name")).sendKeys("浏览器测试早餐会");
        new Select(browser.find(By.id("kind"))).selectByValue("BREAKFAST");
        browser.find(By.id("themeCategories")).sendKeys("助力企业成长类");
        browser.click(By.cssSelector("form[action$='/meetings/series'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("浏览器测试早餐会");
        browser.checkAccessibility();

        browser.click(By.linkText("新建会议"));
        browser.checkAccessibility();
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#title + .invalid-feedback")).getText()).isEqualTo("必填。");
        assertThat(browser.find(By.cssSelector("#venue + .invalid-feedback")).getText()).isEqualTo("必填。");
        browser.checkAccessibility();
        browser.screenshot("meetings-01-form-errors");

        new Select(browser.find(By.id("series"))).selectByValue(slug);
        browser.find(By.id("number")).sendKeys("1");
        browser.find(By.id("title")).sendKeys("第1次浏览器测试早餐会");
        // Within the hours before the start when the door takes check-ins (two by default).
        LocalDateTime startsAt = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        setValue("startsAt", startsAt.toString());
        setValue("endsAt", startsAt.plusMinutes(90).toString());
        browser.find(By.id("venue")).sendKeys("天台开元大酒店");
        browser.find(By.id("host")).sendKeys("市委书记");
        browser.find(By.id("theme")).sendKeys("助力企业上市");
        browser.find(By.id("themeCategory")).sendKeys("助力企业成长类");
        browser.find(By.id("capacity")).sendKeys("7");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(d -> browser.path().matches("/meetings/\\d+"));
        String meetingPath = browser.path();
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("第1次浏览器测试早餐会");
        browser.checkAccessibility();

        browser.find(By.id("invite-username")).sendKeys("entrepreneur");
        new Select(browser.find(By.id("invite-kind"))).selectByValue("ENTREPRENEUR");
        browser.click(By.cssSelector("form[action$='/invitations'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector("main table tbody")).getText()).contains("企业家(示例)").contains("已发送");
        browser.checkAccessibility();
        browser.find(By.id("invite-username")).sendKeys("nobody-" + Api.unique());
        browser.click(By.cssSelector("form[action$='/invitations'] button[type=submit]"));
        assertThat(browser.find(By.id("invite-username-error")).getText()).contains("找不到");
        browser.checkAccessibility();
        browser.screenshot("meetings-02-invited");

        browser.signOut();
        browser.signIn("entrepreneur", DEMO_PASSWORD);
        browser.open("/my/meetings");
        browser.checkAccessibility();
        browser.click(By.cssSelector("button[aria-label='接受「第1次浏览器测试早餐会」的邀请']"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("第1次浏览器测试早餐会");
        String code = browser.find(By.cssSelector(".registration-code")).getText();
        assertThat(code).matches("[A-Z2-9]{8}");
        assertThat(browser.find(By.cssSelector("img[src$='/qr.svg']")).getAttribute("alt")).contains(code);
        browser.waitFor(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const img = document.querySelector(\"img[src$='/qr.svg']\"); return img.complete && img.naturalWidth > 0;"));
        browser.checkAccessibility();
        browser.screenshot("meetings-03-my-code");

        browser.signOut();
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.open(meetingPath + "/check-in");
        browser.checkAccessibility();
        browser.find(By.id("code")).sendKeys("WRONGCD2", Keys.ENTER);
        assertThat(browser.find(By.cssSelector("#code ~ .invalid-feedback")).getText()).contains("找不到");
        assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).contains("找不到");
        browser.checkAccessibility();
        browser.find(By.id("code")).sendKeys(code.toLowerCase(), Keys.ENTER);
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("签到成功");
        assertThat(browser.find(By.cssSelector(".list-group")).getText()).contains("企业家(示例)");
        assertThat(browser.find(By.id("turnout-expected")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("turnout-arrived")).getText()).isEqualTo("1");
        browser.checkAccessibility();
        browser.screenshot("meetings-04-checked-in");
        browser.find(By.id("code")).sendKeys(code, Keys.ENTER);
        assertThat(browser.find(By.cssSelector(".alert-info")).getText()).contains("已经签到");

        browser.open(meetingPath + "/agenda");
        browser.checkAccessibility();
        new Select(browser.find(By.id("kind"))).selectByValue("REPORT_HEARD");
        browser.find(By.id("title")).sendKeys("听取企业上市工作情况汇报");
        browser.find(By.id("presenter")).sendKeys("市金融办");
        browser.find(By.id("documents")).sendKeys("企业上市“金芙蓉”跃升行动方案");
        browser.click(By.cssSelector("form[action$='/agenda'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("听取企业上市工作情况汇报");
        org.openqa.selenium.WebElement decision = browser.find(By.cssSelector("textarea[id$='-decision']"));
        decision.sendKeys("会议同意加大上市后备企业培育力度。");
        browser.click(By.cssSelector("button[aria-label^='记录']"));
        // The decision is saved by a full page load: wait for the old page to go before reading the new one.
        browser.waitFor(d -> org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(decision).apply(d));
        assertThat(browser.find(By.cssSelector("textarea[id$='-decision']")).getText()).contains("上市后备企业");
        browser.checkAccessibility();

        browser.open(meetingPath);
        browser.click(By.linkText("登记会上提出的问题或建议"));
        assertThat(browser.find(By.cssSelector(".alert-info")).getText()).contains("第1次浏览器测试早餐会");
        browser.checkAccessibility();
        browser.find(By.id("raiser")).sendKeys("entrepreneur");
        browser.find(By.id("title")).sendKeys("上市辅导机构对接难");
        browser.find(By.id("content")).sendKeys("希望协调券商、律所提前介入辅导。");
        browser.click(By.cssSelector("form[action$='/matters'] button[type=submit]"));
        assertThat(browser.find(By.tagName("h1")).getText()).contains("上市辅导机构对接难");
        browser.screenshot("meetings-05-problem-raised");

        browser.open(meetingPath);
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("共 1 件，已办结 0 件，正在办理 1 件");
        assertThat(browser.find(By.id("report")).getText()).contains("企业家(示例)");
        browser.click(By.cssSelector("form[action$='/close'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".badge")).getText()).isEqualTo("已结束");
        browser.checkAccessibility();

        browser.click(By.linkText("公开页面"));
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("企业家(示例)").contains("会议同意加大上市后备企业培育力度");
        browser.checkAccessibility();
        browser.screenshot("meetings-06-public");

        browser.open("/public/meetings/calendar?month=" + YearMonth.from(startsAt) + "&series=" + slug);
        assertThat(browser.find(By.cssSelector(".calendar-month")).getText()).contains("第1次浏览器测试早餐会");
        browser.checkAccessibility();
        browser.open("/public/series/" + slug);
        browser.waitFor(d -> "true".equals(d.findElement(By.id("chart-meetings")).getAttribute("data-drawn")));
        assertThat(browser.find(By.id("stat-meetings")).getText()).isEqualTo("1");
        browser.checkAccessibility();
        browser.screenshot("meetings-07-series");
        browser.signOut();
    }

    @Test
    void thePublicPagesOfTheDemoSeriesPassTheAccessibilityCheckInBothLanguages() throws Exception {
        browser.open("/public/series/breakfast");
        browser.waitFor(d -> "true".equals(d.findElement(By.id("chart-category")).getAttribute("data-drawn")));
        assertThat(browser.find(By.id("stat-meetings")).getText()).isEqualTo("17");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("张国顺").contains("李慧鹏");
        browser.checkAccessibility();
        browser.screenshot("meetings-08-breakfast");
        browser.open("/public/meetings/calendar?month=2023-02");
        assertThat(browser.find(By.cssSelector(".calendar-month")).getText()).contains("第17次制造名城早餐会");
        browser.checkAccessibility();
        browser.click(By.partialLinkText("第17次制造名城早餐会"));
        assertThat(browser.find(By.tagName("main")).getText()).contains("天台开元大酒店").contains("曹慧泉");
        browser.checkAccessibility();
        browser.open("/public/meetings?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Meetings");
        browser.checkAccessibility();
        browser.open("/public/series/npc-16-sc");
        browser.checkAccessibility();
        browser.open("/public/meetings?lang=zh_CN");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("会议");
    }

    /** A datetime-local field's value as the date picker would set it; typing into it depends on the browser's locale. */
    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id(id)), value);
    }
}
