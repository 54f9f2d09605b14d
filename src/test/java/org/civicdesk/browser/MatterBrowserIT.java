package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.Browser;
import org.civicdesk.support.RunningServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole handling of a matter in a real browser, each step by the person whose step it is: a
 * deputy raises a suggestion, a supervisor assigns it to a lead department and a co-handler, both
 * sign for it, the co-handler sends its opinion, the lead answers, the deputy is unsatisfied, the
 * lead handles it again and answers, the deputy is satisfied and the matter is closed. Every page on
 * the way passes the accessibility check.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatterBrowserIT {

    private static final String PASSWORD = "secret-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    Browser browser;

    String tag;
    String leadOrg;
    String coOrg;
    String raiser;
    String supervisor;
    String leadHandler;
    String coHandler;

    /**
     * Departments of their own, so that their inboxes hold only this test's cases, and one account
     * for each person in the story.
     */
    @BeforeAll
    void start() throws Exception {
        tag = Api.unique();
        String admin = api.adminToken();
        leadOrg = "B-LEAD-" + tag;
        coOrg = "B-CO-" + tag;
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + leadOrg + "\",\"name\":\"浏览器测试交通运输局" + tag
                + "\",\"kind\":\"GOVERNMENT\"}").andExpect(status().isCreated());
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + coOrg + "\",\"name\":\"浏览器测试财政局" + tag
                + "\",\"kind\":\"GOVERNMENT\"}").andExpect(status().isCreated());
        raiser = account("deputy", "RAISER", null, "李代表");
        supervisor = account("supervisor", "SUPERVISOR", "ZZ-NPC", "督办员");
        leadHandler = account("lead", "HANDLER", leadOrg, "交通局承办员");
        coHandler = account("co", "HANDLER", coOrg, "财政局承办员");
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMatterGoesFromRaisedThroughReHandlingToClosed() throws Exception {
        String title = "关于增开园区公交线路的建议 " + tag;

        signIn(raiser);
        browser.open("/matters/mine");
        browser.checkAccessibility();
        browser.click(By.linkText("提出事项"));
        browser.checkAccessibility();
        browser.click(By.cssSelector("main button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#title + .invalid-feedback")).getText()).isEqualTo("必填。");
        browser.checkAccessibility();
        browser.screenshot("matters-01-raise-errors");
        new Select(browser.find(By.id("type"))).selectByValue("SUGGESTION");
        browser.find(By.id("title")).sendKeys(title);
        browser.find(By.id("content")).sendKeys("园区上下班高峰公交拥挤，建议增开线路。联系电话13912345678。");
        browser.find(By.id("category")).sendKeys("交通出行");
        browser.find(By.id("district")).sendKeys("天元区");
        new Select(browser.find(By.id("channel"))).selectByValue("WEB");
        browser.click(By.cssSelector("main button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("事项已提交");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.find(By.tagName("main")).getText()).contains("已登记");
        String matterPath = browser.path();
        browser.checkAccessibility();
        browser.screenshot("matters-02-raised");

        signIn(supervisor);
        browser.open("/matters");
        browser.find(By.id("matter-q")).sendKeys(tag);
        browser.waitFor(d -> d.findElements(By.cssSelector("#matter-results tbody tr")).size() == 1
                && d.findElement(By.cssSelector("#matter-results tbody tr")).getText().contains(tag));
        browser.checkAccessibility();
        browser.click(By.linkText(title));
        assertThat(browser.path()).isEqualTo(matterPath);
        browser.checkAccessibility();
        new Select(browser.find(By.id("lead"))).selectByValue(leadOrg);
        new Select(browser.find(By.id("co"))).selectByValue(coOrg);
        browser.click(By.cssSelector("#assign-heading + form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("已交办。");
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains("浏览器测试交通运输局" + tag)
                .contains("主办").contains("协办").contains("待签收").contains("个工作日");
        browser.checkAccessibility();
        browser.screenshot("matters-03-assigned");
        browser.open("/matters/board");
        browser.checkAccessibility();
        browser.screenshot("matters-04-board");

        signIn(leadHandler);
        openFromInbox(title);
        browser.checkAccessibility();
        browser.screenshot("matters-05-lead-case");
        String leadCasePath = browser.path();
        browser.click(By.xpath("//button[normalize-space()='签收']"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("已签收。");
        browser.checkAccessibility();
        browser.open(leadCasePath + "/sheet");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("交办单");
        assertThat(browser.find(By.cssSelector("button[data-print]")).getText()).isEqualTo("打印");
        browser.checkAccessibility();
        browser.screenshot("matters-06-sheet");

        signIn(coHandler);
        openFromInbox(title);
        browser.click(By.xpath("//button[normalize-space()='签收']"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("已签收。");
        browser.find(By.id("opinion-text")).sendKeys("财政局意见：所需运营补贴可在年度预算中统筹安排。");
        browser.click(By.cssSelector("#opinion-heading ~ form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("协办意见已送主办单位。");
        assertThat(browser.driver().findElements(By.id("answer-text"))).isEmpty();
        browser.checkAccessibility();
        browser.screenshot("matters-07-opinion-sent");

        signIn(leadHandler);
        browser.open(leadCasePath);
        assertThat(browser.find(By.tagName("main")).getText()).contains("浏览器测试财政局" + tag + "的协办意见")
                .contains("年度预算中统筹安排");
        new Select(browser.find(By.id("contact-method"))).selectByValue("PHONE");
        browser.find(By.id("contact-note")).sendKeys("电话听取代表意见。");
        browser.click(By.cssSelector("#contact-heading ~ form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("沟通情况已记录。");
        answer("B", "已列入今年公交线网优化计划，拟于下半年开通。");
        browser.checkAccessibility();
        browser.screenshot("matters-08-answered");

        signIn(raiser);
        browser.open(matterPath);
        assertThat(browser.find(By.tagName("main")).getText()).contains("已答复，待评价").contains("B 类：正在解决或列入计划")
                .contains("已列入今年公交线网优化计划").doesNotContain("年度预算中统筹安排");
        browser.checkAccessibility();
        rate("UNSATISFIED", "希望尽快开通。");
        assertThat(browser.find(By.cssSelector("main p .badge")).getText()).isEqualTo("重新办理");
        browser.checkAccessibility();
        browser.screenshot("matters-09-unsatisfied");

        signIn(leadHandler);
        openFromInbox(title);
        assertThat(browser.path()).isEqualTo(leadCasePath);
        assertThat(browser.find(By.cssSelector("main p .badge")).getText()).isEqualTo("重新办理");
        answer("A", "新线路已于本月开通，高峰时段加密班次。");

        signIn(raiser);
        browser.open(matterPath);
        rate("SATISFIED", null);
        assertThat(browser.find(By.cssSelector("main p .badge")).getText()).isEqualTo("已办结");
        assertThat(browser.find(By.tagName("main")).getText()).contains("满意");
        assertThat(browser.driver().findElements(By.id("rate-heading"))).isEmpty();
        browser.checkAccessibility();
        browser.screenshot("matters-10-closed");
        browser.open("/matters/mine");
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains(title).contains("已办结");
        browser.checkAccessibility();

        browser.driver().manage().deleteAllCookies();
        browser.open("/public/answers");
        browser.find(By.id("answer-q")).sendKeys(tag);
        browser.waitFor(d -> d.findElements(By.cssSelector("#answer-results article")).size() == 1);
        assertThat(browser.find(By.id("answer-results")).getText()).contains("新线路已于本月开通")
                .doesNotContain("13912345678").contains("[已隐去]");
        browser.checkAccessibility();
        browser.screenshot("matters-11-published");
        browser.open("/public/stats");
        assertThat(browser.find(By.tagName("caption")).getText()).contains("事项");
        browser.checkAccessibility();
        browser.screenshot("matters-12-stats");
        browser.open("/public/stats?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dashboards");
        browser.checkAccessibility();
    }

    private String account(String name, String role, String org, String displayName) throws Exception {
        String username = name + "-" + tag;
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"" + displayName + "\",\"roles\":[\"" + role + "\"]"
                + (org == null ? "" : ",\"orgCode\":\"" + org + "\"") + "}").andExpect(status().isCreated());
        return username;
    }

    /** A fresh session: whoever was signed in before is gone with the cookies. */
    private void signIn(String username) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/desk"));
    }

    private void openFromInbox(String title) {
        browser.open("/matters/inbox");
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains(title).contains("个工作日");
        browser.checkAccessibility();
        browser.click(By.linkText(title));
        assertThat(browser.path()).startsWith("/matters/cases/");
    }

    private void answer(String category, String text) {
        browser.click(By.cssSelector("input[name=category][value=" + category + "]"));
        browser.find(By.id("answer-text")).sendKeys(text);
        browser.find(By.id("answer-signedOffBy")).sendKeys("王局长");
        browser.click(By.cssSelector("#answer-heading ~ form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("答复已发出。");
    }

    private void rate(String rating, String comment) {
        browser.click(By.cssSelector("input[name=rating][value=" + rating + "]"));
        if (comment != null) {
            browser.find(By.id("comment")).sendKeys(comment);
        }
        browser.click(By.cssSelector("#rate-heading ~ form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).isEqualTo("感谢您的评价。");
    }
}
