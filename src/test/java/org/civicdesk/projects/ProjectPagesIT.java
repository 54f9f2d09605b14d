package org.civicdesk.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * The reserve's and the deals' pages on the demo city: public to read, the dispatch-meeting report
 * (and its workbook) to signed-in staff, the approvals ticked on the project's page only by those who
 * may; the search finds the fair's deals; the board and the deals are paged and filtered.
 */
@IntegrationTest
class ProjectPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Meetings meetings;

    @Test
    void showsTheBoardTheProjectTheDealsAndTheHomePageLinksThem() throws Exception {
        api.mvc().perform(get("/")).andExpect(content().string(containsString("href=\"/public/projects\"")))
                .andExpect(content().string(containsString("href=\"/public/deals\"")));
        api.mvc().perform(get("/public/projects?batch=ZZ-ZXZ-2023-1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("2023年第一批专项债储备申报项目")))
                .andExpect(content().string(containsString("国家发改委、财政部")))
                .andExpect(content().string(containsString("城区老旧小区改造配套基础设施项目")));
        api.mvc().perform(get("/public/projects/ZXZ-2-03")).andExpect(status().isOk())
                .andExpect(content().string(containsString("建设工程规划许可证")))
                .andExpect(content().string(containsString("已取得 1/4")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("tick-LAND_PLANNING"))));
        api.mvc().perform(get("/public/projects/NO-SUCH")).andExpect(status().isNotFound());
        api.mvc().perform(get("/public/deals?event=湖南省专利转化对接会")).andExpect(status().isOk())
                .andExpect(content().string(containsString("湖南工业大学专利技术转让")))
                .andExpect(content().string(containsString("3.5亿元")));
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=专利", null)
                .andExpect(jsonPath("$.hits[*].title", org.hamcrest.Matchers.hasItem("湖南工业大学专利技术转让"))));
    }

    /**
     * The board and the deals show fifty a page and narrow by batch, stage or event, form, text and
     * period; the pager's links keep the filter, and a bad filter is named beside its field.
     */
    @Test
    void theBoardAndTheDealsPageThroughWhatTheFilterKeeps() throws Exception {
        String admin = api.adminToken();
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String tag = "pager" + Api.unique();
        String owner = "ORG-" + tag;
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + owner + "\",\"name\":\"机构 " + tag
                + "\",\"kind\":\"ENTERPRISE\"}").andExpect(status().isCreated());
        String batch = "B-" + tag;
        api.post("/api/v1/project-batches", supervisor, "{\"code\":\"" + batch + "\",\"name\":\"批次 " + tag
                + "\",\"requiredApprovals\":[]}").andExpect(status().isCreated());
        for (int i = 0; i < 51; i++) {
            api.post("/api/v1/projects", supervisor, "{\"code\":\"P-" + tag + "-" + i + "\",\"batch\":\"" + batch
                    + "\",\"name\":\"道路 " + tag + "\",\"ownerOrg\":\"" + owner
                    + "\",\"amountRequested\":\"1000.00\",\"district\":\"天元区\"}").andExpect(status().isCreated());
            api.post("/api/v1/deals", supervisor, "{\"title\":\"专利 " + tag + "\",\"from\":[\"" + owner
                    + "\"],\"to\":[\"" + owner + "\"],\"form\":\"TRANSFER\",\"event\":\"" + tag
                    + "\",\"signedOn\":\"2023-02-27\"}").andExpect(status().isCreated());
        }
        String board = "/public/projects?batch=" + batch + "&q=" + tag;
        String first = page(board, 200);
        assertThat(count(first, "href=\"/public/projects/P-" + tag)).isEqualTo(50);
        assertThat(first).contains("第 1–50 条，共 51 条", "href=\"" + board.replace("&", "&amp;") + "&amp;page=1\"");
        assertThat(count(page(board + "&page=1", 200), "href=\"/public/projects/P-" + tag)).isEqualTo(1);
        assertThat(count(page(board + "&stage=DECLARED", 200), "href=\"/public/projects/P-" + tag)).isZero();
        assertThat(page("/public/projects?batch=NO-" + tag + "&stage=LATE", 400))
                .contains("id=\"batch-error\"", "id=\"stage-error\"", "href=\"#stage\"");

        String deals = "/public/deals?event=" + tag + "&q=" + tag;
        String dealsFirst = page(deals, 200);
        assertThat(count(dealsFirst, "id=\"deal-")).isEqualTo(50);
        assertThat(dealsFirst).contains("href=\"" + deals.replace("&", "&amp;") + "&amp;page=1\"");
        assertThat(count(page(deals + "&page=1", 200), "id=\"deal-")).isEqualTo(1);
        assertThat(count(page(deals + "&form=EQUITY", 200), "id=\"deal-")).isZero();
        assertThat(count(page(deals + "&to=2023-02-26", 200), "id=\"deal-")).isZero();
        assertThat(page("/public/deals?form=BARTER&from=2023-02-30", 400))
                .contains("id=\"filter-form-error\"", "id=\"filter-from-error\"", "href=\"#filter-form\"")
                .doesNotContain("id=\"deal-");
    }

    private String page(String path, int status) throws Exception {
        return api.mvc().perform(get(path)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
    }

    private static int count(String page, String text) {
        return page.split(Pattern.quote(text), -1).length - 1;
    }

    @Test
    void theReportIsForStaffAndComesAsAWorkbookToo() throws Exception {
        api.mvc().perform(get("/projects/report")).andExpect(status().is3xxRedirection());
        Cookie session = signIn("supervisor");
        api.mvc().perform(get("/projects/report?batch=ZZ-ZXZ-2023-2").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("株洲市住房和城乡建设局")));
        byte[] xlsx = api.mvc().perform(get("/projects/report.xlsx?batch=ZZ-ZXZ-2023-2").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            // A title row, the batch and day, the header, then a line per project, in one language.
            assertThat(workbook.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(7);
            for (int sheet = 0; sheet < 2; sheet++) {
                assertThat(workbook.getSheetAt(sheet).getRow(0).getCell(0).getStringCellValue())
                        .isEqualTo("专项债项目推进情况（调度会）");
                assertThat(workbook.getSheetAt(sheet).getRow(1).getCell(0).getStringCellValue()).startsWith("批次：")
                        .contains("数据截至");
            }
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("项目单位");
        }
    }

    @Test
    void aHandlerOfAnotherDepartmentCannotTickOnThePage() throws Exception {
        Cookie handler = signIn("handler-fin");
        api.mvc().perform(post("/projects/ZXZ-2-03/approvals/LAND_PLANNING").cookie(handler).with(csrf())
                .param("status", "OBTAINED")).andExpect(status().isForbidden());
        api.get("/api/v1/public/projects/ZXZ-2-03", null).andExpect(jsonPath("$.approvalsObtained").value(1));
        api.mvc().perform(post("/projects/NO-SUCH/stage").cookie(signIn("supervisor")).with(csrf())
                .param("stage", "DECLARED")).andExpect(status().isNotFound());
    }

    @Test
    void anOverdueBlockerShowsOnTheSupervisionBoardAndAClearedOneDoesNot() throws Exception {
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String overdue = "规划调整待审批 " + Api.unique();
        String cleared = "用地报批材料待补 " + Api.unique();
        String notYetDue = "环评批复待出具 " + Api.unique();
        long overdueId = raise("ZXZ-2-02", overdue, supervisor);
        long clearedId = raise("ZXZ-2-02", cleared, supervisor);
        raise("ZXZ-2-02", notYetDue, supervisor);
        // The two were raised a month ago with five working days each, so both are past due now.
        for (long id : new long[] { overdueId, clearedId }) {
            jdbc.sql("UPDATE project_blocker SET raised_on = :r, due_on = :d WHERE id = :id")
                    .param("r", LocalDate.now().minusDays(35)).param("d", LocalDate.now().minusDays(28))
                    .param("id", id).update();
        }
        api.post("/api/v1/projects/ZXZ-2-02/blockers/" + clearedId + "/clear", supervisor, "{}").andExpect(status().isOk());

        Cookie session = signIn("supervisor");
        api.mvc().perform(get("/matters/board").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"blocker-" + overdueId + "\"")))
                .andExpect(content().string(containsString(overdue)))
                .andExpect(content().string(containsString("冷链物流园区建设项目")))
                .andExpect(content().string(containsString("href=\"/public/projects/ZXZ-2-02\"")))
                .andExpect(content().string(containsString("株洲市财政局")))
                .andExpect(content().string(containsString(LocalDate.now().minusDays(28).toString())))
                .andExpect(content().string(not(containsString(cleared))))
                .andExpect(content().string(not(containsString(notYetDue))));
        api.get("/api/v1/supervision/board", supervisor).andExpect(status().isOk())
                .andExpect(jsonPath("$.blockers").doesNotExist());
    }

    @Test
    void aSupervisorLinksTheDispatchMeetingOnTheProjectPage() throws Exception {
        long dispatch = meetings.meeting("bond-dispatch", 1).orElseThrow().id();
        api.mvc().perform(post("/projects/ZXZ-1-03/meetings").cookie(signIn("handler-fin")).with(csrf())
                .param("meeting", String.valueOf(dispatch))).andExpect(status().isForbidden());
        Cookie session = signIn("supervisor");
        api.mvc().perform(post("/projects/ZXZ-1-03/meetings").cookie(session).with(csrf()).param("meeting", "987654321"))
                .andExpect(redirectedUrl("/public/projects/ZXZ-1-03")).andExpect(flash().attributeExists("refusal"))
                .andExpect(flash().attributeCount(1));
        api.mvc().perform(post("/projects/ZXZ-1-03/meetings").cookie(session).with(csrf())
                .param("meeting", String.valueOf(dispatch))).andExpect(redirectedUrl("/public/projects/ZXZ-1-03"));
        api.mvc().perform(get("/public/projects/ZXZ-1-03")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/public/meetings/" + dispatch + "\"")));
        api.mvc().perform(get("/meetings/" + dispatch).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/public/projects/ZXZ-1-03\"")));
        api.mvc().perform(post("/projects/ZXZ-1-03/meetings/" + dispatch + "/unlink").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/public/projects/ZXZ-1-03"));
        api.mvc().perform(get("/meetings/" + dispatch).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/public/projects/ZXZ-1-03"))));
    }

    private long raise(String project, String description, String token) throws Exception {
        String body = api.post("/api/v1/projects/" + project + "/blockers", token, "{\"description\":\"" + description
                + "\",\"org\":\"ZZ-FIN\",\"workingDays\":5}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private Cookie signIn(String username) throws Exception {
        return api.mvc().perform(formLogin().user(username).password("civicdesk-demo")).andExpect(redirectedUrl("/desk"))
                .andReturn().getResponse().getCookie("SESSION");
    }
}
