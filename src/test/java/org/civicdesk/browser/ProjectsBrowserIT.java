package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.civicdesk.projects.BatchCommand;
import org.civicdesk.projects.BatchCommand.RequiredApproval;
import org.civicdesk.projects.DealCommand;
import org.civicdesk.projects.ProjectCommand;
import org.civicdesk.projects.Projects;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Role;
import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A supervisor ticks a project's approvals until it may be declared and declares it; then records a
 * deal on the deals page and sees the event's figures count it. The project and the event are the
 * test's own, so the demo's reserve and fair keep the paper's figures for the other tests.
 */
class ProjectsBrowserIT extends RealBrowserTest {

    private static final String DEMO_PASSWORD = "civicdesk-demo";

    @Autowired
    Projects projects;

    @Test
    void ticksApprovalsUntilTheProjectMayBeDeclaredAndDeclaresIt() throws Exception {
        String batch = "B-" + Api.unique();
        String code = "P-" + Api.unique();
        asSupervisor(() -> {
            projects.recordBatch(new BatchCommand(batch, "浏览器测试批次 " + batch, List.of(
                    new RequiredApproval("LAND", "用地预审与选址意见书"), new RequiredApproval("BUILD", "施工许可证")),
                    null, null));
            projects.recordProject(new ProjectCommand(code, batch, "浏览器测试项目 " + code, "ZZ-HURD", "30000000",
                    "荷塘区", false));
        });
        browser.signIn("supervisor", DEMO_PASSWORD);
        browser.open("/public/projects?batch=" + batch);
        assertThat(browser.find(By.id("stage-PROPOSED")).getText()).contains("浏览器测试项目 " + code);
        browser.checkAccessibility();
        browser.screenshot("projects-01-board");
        browser.click(By.linkText("浏览器测试项目 " + code));
        assertThat(browser.find(By.id("project-stage")).getText()).isEqualTo("储备");
        browser.checkAccessibility();

        new Select(browser.find(By.id("stage"))).selectByValue("DECLARED");
        browser.click(By.id("move-stage"));
        assertThat(browser.find(By.cssSelector(".alert-danger")).getText()).contains("LAND").contains("BUILD");
        browser.checkAccessibility();
        browser.screenshot("projects-02-refused");

        browser.find(By.id("approval-LAND-issuer")).sendKeys("株洲市自然资源和规划局");
        browser.find(By.id("approval-LAND-documentNo")).sendKeys("株资规预〔2023〕1号");
        browser.click(By.id("tick-LAND"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("LAND");
        assertThat(browser.find(By.id("approval-LAND")).getText()).contains("已取得").contains("株资规预〔2023〕1号");
        browser.click(By.id("tick-BUILD"));
        assertThat(browser.find(By.id("approval-BUILD")).getText()).contains("已取得");
        browser.checkAccessibility();

        new Select(browser.find(By.id("stage"))).selectByValue("DECLARED");
        browser.click(By.id("move-stage"));
        assertThat(browser.find(By.id("project-stage")).getText()).isEqualTo("已申报");
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("已申报");
        browser.checkAccessibility();
        browser.screenshot("projects-03-declared");

        browser.open("/projects/report?batch=" + batch);
        assertThat(browser.find(By.id("report-departments")).getText()).contains("株洲市住房和城乡建设局");
        browser.checkAccessibility();
        browser.signOut();
    }

    @Test
    void recordsADealAndTheEventsFiguresCountIt() throws Exception {
        String event = "测试对接会 " + Api.unique();
        asSupervisor(() -> projects.recordDeal(new DealCommand("已有的专利转让", null, List.of("HN-HUT"),
                List.of("HN-KELUOZI"), "TRANSFER", "1000000.00", event, "2023-02-27", false)));
        browser.signIn("supervisor", DEMO_PASSWORD);
        browser.open("/public/deals");
        new Select(browser.find(By.id("filter-event"))).selectByValue(event);
        browser.click(By.cssSelector("main form[method=get] button[type=submit]"));
        assertThat(browser.find(By.id("deals-count")).getText()).isEqualTo("1");
        browser.checkAccessibility();

        browser.find(By.id("title")).sendKeys("一种车辆制动专利交叉许可");
        browser.find(By.id("from")).sendKeys("ZZ-CRRC-CAR");
        browser.find(By.id("to")).sendKeys("ZZ-HUASHENG");
        new Select(browser.find(By.id("form"))).selectByValue("CROSS_LICENCE");
        browser.find(By.id("amount")).sendKeys("2500000.50");
        browser.click(By.cssSelector("form[method=post][action$='/deals'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("一种车辆制动专利交叉许可");
        assertThat(browser.find(By.id("deals-count")).getText()).isEqualTo("2");
        assertThat(browser.find(By.id("deals-amount")).getText()).isEqualTo("350万元");
        assertThat(browser.find(By.id("by-form")).getText()).contains("交叉许可 1");
        browser.checkAccessibility();
        browser.screenshot("projects-04-deal");

        browser.click(By.linkText(event));
        assertThat(browser.find(By.tagName("h1")).getText()).contains(event);
        assertThat(browser.find(By.id("event-deals")).getText()).isEqualTo("2");
        assertThat(browser.find(By.id("event-totals")).getText()).contains("未公布");
        browser.checkAccessibility();
        browser.open("/public/deals");

        browser.find(By.id("title")).sendKeys("无方");
        browser.find(By.id("to")).sendKeys("NO-SUCH-ORG");
        browser.click(By.cssSelector("form[method=post][action$='/deals'] button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("NO-SUCH-ORG");
        browser.checkAccessibility();
        browser.signOut();
    }

    private static void asSupervisor(Runnable work) {
        Actor supervisor = new Actor(0, "supervisor", "supervisor", null, Set.of(Role.SUPERVISOR));
        Actor.Carrier carrier = () -> supervisor;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(carrier, null,
                Role.SUPERVISOR.authority()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
