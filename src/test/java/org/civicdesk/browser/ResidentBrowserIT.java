package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdesk.support.SentCodes.codeSentTo;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.civicdesk.support.Api;
import org.civicdesk.support.Browser;
import org.civicdesk.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

/**
 * A resident's way in, in a real browser: they open an account from the sign-in page with the code
 * their phone receives, sign in with another code, raise an appeal (群众诉求) and follow it in "my
 * matters" until a department answers, then rate the answer; and, without an account, on a phone,
 * they report an appeal anonymously and follow it with its tracking code to its answer, then follow a
 * published matter and subscribe to notices by e-mail, confirm and unsubscribe in one click, in both
 * languages. Every page on the way passes the accessibility check and is no wider
 * than the window, on a laptop (1366 px) and on a phone (390 px).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(Api.class)
@ActiveProfiles(resolver = TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentBrowserIT {

    private static final String PASSWORD = "resident-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    String tag;
    String org;
    String phone;

    @BeforeAll
    void start() throws Exception {
        tag = Api.unique();
        org = "R-ORG-" + tag;
        phone = "137" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        api.post("/api/v1/orgs", api.adminToken(), "{\"code\":\"" + org + "\",\"name\":\"住房和城乡建设局" + tag
                + "\",\"kind\":\"GOVERNMENT\"}").andExpect(status().isCreated());
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentSignsUpRaisesAnAppealAndFollowsItToItsAnswer() throws Exception {
        String title = "小区电梯长期停运 " + tag;

        browser.open("/login");
        browser.click(By.linkText("群众注册"));
        assertThat(browser.path()).isEqualTo("/public/sign-up");
        assertThat(browser.find(By.tagName("main")).getText()).contains("个人信息处理告知");
        checkPage();
        browser.click(By.cssSelector("main button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("手机号或电子邮箱")
                .contains("请阅读个人信息处理告知并勾选同意");
        checkPage();
        browser.screenshot("residents-01-sign-up-errors");
        browser.find(By.id("contact")).sendKeys(phone);
        browser.find(By.id("displayName")).sendKeys("王女士");
        browser.find(By.id("password")).sendKeys(PASSWORD);
        browser.click(By.id("consent"));
        browser.click(By.cssSelector("main button[type=submit]"));
        assertThat(browser.path()).startsWith("/public/sign-up/");
        assertThat(browser.find(By.tagName("main")).getText()).contains(phone.substring(0, 3) + "****");
        checkPage();
        browser.screenshot("residents-02-code");
        browser.find(By.id("code")).sendKeys(codeSentTo(jdbc, phone), Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/login"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("账户已开通");
        checkPage();

        // Signed in with a code by SMS, the number written as people write it.
        browser.find(By.id("code-phone")).sendKeys("+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " "
                + phone.substring(7));
        browser.click(By.cssSelector("form[action$='/public/sign-in-code'] button[type=submit]"));
        assertThat(browser.path()).startsWith("/public/sign-in-code/");
        checkPage();
        browser.find(By.id("code")).sendKeys(codeSentTo(jdbc, phone), Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/desk"));
        browser.open("/matters/mine");
        checkPage();
        browser.click(By.linkText("提出事项"));
        assertThat(browser.find(By.tagName("main")).getText()).contains("个人信息处理告知");
        checkPage();
        new Select(browser.find(By.id("type"))).selectByValue("APPEAL");
        browser.find(By.id("title")).sendKeys(title);
        browser.find(By.id("content")).sendKeys("我住的小区 3 栋电梯停运两个月，老人上下楼困难。");
        browser.find(By.id("district")).sendKeys("芦淞区");
        browser.click(By.cssSelector("main button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("事项已提交");
        assertThat(browser.find(By.tagName("main")).getText()).contains("已登记");
        String matterPath = browser.path();
        long matterId = Long.parseLong(matterPath.substring(matterPath.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT privacy_notice_version FROM matter WHERE id = :id").param("id", matterId)
                .query(String.class).single()).isNotBlank();
        checkPage();
        browser.screenshot("residents-03-raised");

        answeredByTheDepartment(matterId);

        browser.open("/matters/mine");
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains(title).contains("已答复");
        checkPage();
        browser.click(By.linkText(title));
        assertThat(browser.find(By.tagName("main")).getText()).contains("电梯已由维保单位修复");
        checkPage();
        browser.screenshot("residents-04-answered");
        browser.readmeScreenshot("resident");
        browser.click(By.cssSelector("input[name=rating][value=SATISFIED]"));
        browser.click(By.cssSelector("#rate-heading ~ form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("main p .badge")).getText()).isEqualTo("已办结");
        checkPage();
    }

    @Test
    void aResidentWithoutAnAccountReportsOnAPhoneAndFollowsTheAppealWithItsCode() throws Exception {
        String title = "公园路灯不亮 " + tag;
        browser.viewport(390, 844, true);
        try {
            browser.open("/login");
            browser.click(By.linkText("不登录匿名反映诉求"));
            assertThat(browser.path()).isEqualTo("/public/appeals/new");
            assertThat(browser.find(By.tagName("main")).getText()).contains("个人信息处理告知", "不收集您的姓名");
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("标题", "诉求内容");
            browser.checkAccessibility();
            browser.find(By.id("title")).sendKeys(title);
            browser.find(By.id("content")).sendKeys("神农公园东门到湖边的路灯一周没亮，晚上散步看不清路。");
            browser.find(By.id("district")).sendKeys("天元区");
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.path()).isEqualTo("/public/appeals/reported");
            String code = browser.find(By.id("tracking-code")).getText();
            assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
            browser.checkAccessibility();
            browser.screenshot("residents-05-tracking-code");
            browser.open("/public/appeals/reported");
            assertThat(browser.path()).as("the code is shown once").isEqualTo("/public/track");

            long matterId = jdbc.sql("SELECT id FROM matter WHERE title = :t").param("t", title).query(Long.class)
                    .single();
            answeredByTheDepartment(matterId);

            // On another device, the code typed as it was noted down.
            browser.click(By.cssSelector("form[action$='/public/track/forget'] button"));
            browser.find(By.id("code")).sendKeys(code.toLowerCase().replace("-", " "));
            browser.click(By.cssSelector("main form button[type=submit]"));
            String page = browser.find(By.tagName("main")).getText();
            assertThat(page).contains(title, "已答复，待评价", "住房和城乡建设局" + tag, "电梯已由维保单位修复");
            browser.checkAccessibility();
            browser.screenshot("residents-06-tracked");
            browser.click(By.cssSelector("input[name=rating][value=SATISFIED]"));
            browser.click(By.cssSelector("#rate-heading ~ form button[type=submit]"));
            assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("感谢您的评价");
            assertThat(browser.find(By.cssSelector("main p .badge")).getText()).isEqualTo("已办结");
            browser.checkAccessibility();
        } finally {
            browser.wholeWindow();
        }
        followsAMatterAndSubscribesToNoticesByEMail();
    }

    /**
     * Still without an account, in each language: they follow a published matter and subscribe to a
     * kind of notices by e-mail, open the confirmation link, and leave through the one-click
     * unsubscribe page; every page at both widths.
     */
    private void followsAMatterAndSubscribesToNoticesByEMail() throws Exception {
        browser.driver().manage().deleteAllCookies(); // a visitor, whichever walk ran first
        for (String language : List.of("en", "zh_CN")) {
            String mailbox = language.toLowerCase(Locale.ROOT) + "-" + tag + "@example.cn"; // as it is kept
            browser.open("/public/answers?lang=" + language);
            browser.click(By.cssSelector("main article h2 a"));
            browser.click(By.cssSelector("main a[href*='/public/follow/matters/']"));
            checkPage();
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.driver().findElements(By.cssSelector(".error-summary a[href='#email']"))).hasSize(1);
            checkPage();
            String matterMail = "follower-" + mailbox;
            browser.find(By.id("email")).sendKeys(matterMail);
            browser.click(By.id("consent"));
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.find(By.cssSelector("main .alert-success")).isDisplayed()).isTrue();
            checkPage();

            browser.open("/public/subscriptions/" + token(matterMail) + "/confirm");
            assertThat(jdbc.sql("SELECT confirmed_at FROM subscription WHERE email = :e").param("e", matterMail)
                    .query(OffsetDateTime.class).single()).isNotNull();
            checkPage();
            browser.open("/public/subscriptions/" + token(matterMail) + "/unsubscribe");
            checkPage();
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE email = :e").param("e", matterMail)
                    .query(Long.class).single()).as("the address is forgotten").isZero();
            checkPage();

            browser.open("/public/notice-subscriptions");
            checkPage();
            String noticesMail = "notices-" + mailbox;
            new Select(browser.find(By.id("kind"))).selectByIndex(1);
            browser.find(By.id("email")).sendKeys(noticesMail);
            browser.click(By.id("consent"));
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.find(By.cssSelector("main .alert-success")).isDisplayed()).isTrue();
            checkPage();
            browser.open("/public/subscriptions/" + token(noticesMail) + "/confirm");
            checkPage();
        }
        browser.screenshot("residents-07-subscription-confirmed");
    }

    private String token(String email) {
        return jdbc.sql("SELECT token FROM subscription WHERE email = :e").param("e", email).query(String.class).single();
    }

    /** The supervisor assigns the appeal and the department signs for it and answers, through the API. */
    private void answeredByTheDepartment(long matterId) throws Exception {
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String handler = api.tokenFor("HANDLER", org);
        String assigned = api.post("/api/v1/matters/" + matterId + "/assignments", supervisor,
                "{\"lead\":\"" + org + "\"}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        Number caseId = JsonPath.read(assigned, "$.cases[0].id");
        api.post("/api/v1/cases/" + caseId + "/sign", handler, "{}").andExpect(status().isOk());
        api.post("/api/v1/cases/" + caseId + "/answer", handler,
                "{\"category\":\"A\",\"text\":\"电梯已由维保单位修复，并已安排每月检查。\"}").andExpect(status().isOk());
    }

    /** The page passes axe and is no wider than the window, at a laptop's width and at a phone's. */
    private void checkPage() {
        for (int width : List.of(1366, 390)) {
            browser.driver().manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            Number documentWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
            Number windowWidth = (Number) js.executeScript("return window.innerWidth");
            assertThat(documentWidth.intValue()).as("width of " + browser.path() + " at " + width + " px")
                    .isLessThanOrEqualTo(windowWidth.intValue());
            browser.checkAccessibility();
        }
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
    }

}
