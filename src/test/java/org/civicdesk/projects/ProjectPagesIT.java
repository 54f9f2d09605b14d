package org.civicdesk.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.servlet.http.Cookie;

/**
 * The reserve's and the deals' pages on the demo city: public to read, the dispatch-meeting report
 * (and its workbook) to signed-in staff, the approvals ticked on the project's page only by those who
 * may; and the search finds the fair's deals.
 */
@IntegrationTest
class ProjectPagesIT {

    @Autowired
    Api api;

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
                .andExpect(content().string(containsString("350,000,000.00")));
        await().untilAsserted(() -> api.get("/api/v1/public/search?q=专利", null)
                .andExpect(jsonPath("$.hits[*].title", org.hamcrest.Matchers.hasItem("湖南工业大学专利技术转让"))));
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
            assertThat(workbook.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(5);
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

    private Cookie signIn(String username) throws Exception {
        return api.mvc().perform(formLogin().user(username).password("civicdesk-demo")).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");
    }
}
