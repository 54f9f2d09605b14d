package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** The matters pages show each reader its part and refuse what the API refuses, changing nothing. */
@IntegrationTest
class MatterPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String supervisor;
    String raiser;
    String drc;
    String fin;

    @BeforeEach
    void people() throws Exception {
        supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        raiser = api.tokenFor("RAISER", null);
        drc = api.tokenFor("HANDLER", "ZZ-DRC");
        fin = api.tokenFor("HANDLER", "ZZ-FIN");
    }

    @Test
    void aRaiserRaisesThroughTheFormAndBadFieldsComeBackNextToTheFields() throws Exception {
        long before = matterCount();
        followed(post("/matters", raiser, "type", "WISH", "title", "", "content", "内容"), raiser)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title\"")))
                .andExpect(content().string(containsString("id=\"title-error\" class=\"invalid-feedback\">必填。</div>")))
                .andExpect(content().string(containsString("须为以下之一")));
        assertThat(matterCount()).isEqualTo(before);
        followed(post("/matters", raiser, "type", "APPEAL", "title", "路灯", "content", "内容", "lat", "北纬",
                "lon", "113.1"), raiser).andExpect(content().string(containsString("id=\"lat-error\"")));
        assertThat(matterCount()).isEqualTo(before);

        String location = post("/matters", raiser, "type", "APPEAL", "title", "路灯不亮", "content", "小区路灯坏了一个月。",
                "district", "天元区", "channel", "WEB", "address", "天元区黄河北路 8 号", "lat", "27.8274", "lon", "113.1339")
                .andExpect(redirectedUrlPattern("/matters/*"))
                .andExpect(flash().attribute("notice", "matters.done.raised"))
                .andReturn().getResponse().getRedirectedUrl();
        page(location, raiser).andExpect(status().isOk())
                .andExpect(content().string(containsString("路灯不亮")))
                .andExpect(content().string(containsString("天元区黄河北路 8 号")))
                .andExpect(content().string(containsString("已登记")));
        page("/matters/mine", raiser).andExpect(status().isOk()).andExpect(content().string(containsString("路灯不亮")));
    }

    @Test
    void eachRoleSeesOnlyItsPages() throws Exception {
        long id = raise();
        page("/matters/board", raiser).andExpect(status().isForbidden());
        page("/matters", raiser).andExpect(status().isForbidden());
        page("/matters/inbox", raiser).andExpect(status().isForbidden());
        page("/matters/mine", drc).andExpect(status().isForbidden());
        page("/matters/" + id, api.tokenFor("RAISER", null)).andExpect(status().isForbidden());
        page("/matters/" + id, drc).andExpect(status().isForbidden());
        page("/matters/board", supervisor).andExpect(status().isOk());
        page("/matters?q=" + "园区", supervisor).andExpect(status().isOk())
                .andExpect(content().string(containsString("/matters/" + id + "\"")));
        page("/matters/" + id, supervisor).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"lead\"")))
                .andExpect(content().string(containsString("株洲市发展和改革委员会")));
        mvc(MockMvcRequestBuilders.get("/matters/mine")).andExpect(redirectedUrl("/login"));
    }

    /** A filter of the supervisors' list that does not parse is named beside its field, with no list. */
    @Test
    void aBadFilterOfTheListIsNamedBesideItsFieldAndNoMattersAreShown() throws Exception {
        long id = raise();
        page("/matters?status=IN_PROGRESS&type=SUGGESTION&series=npc-16&q=" + "园区", supervisor).andExpect(status().isOk());
        page("/matters?status=NOT_A_STATUS&q=" + "园区", supervisor).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"matter-status-error\"")))
                .andExpect(content().string(containsString("href=\"#matter-status\"")))
                .andExpect(content().string(not(containsString("/matters/" + id + "\""))));
        page("/matters?meeting=abc", supervisor).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("会议")));
    }

    @Test
    void aHandlerOfAnotherOrganisationCannotOpenOrActOnACase() throws Exception {
        long id = raise();
        long lead = assign(id);
        page("/matters/cases/" + lead, fin).andExpect(status().isForbidden());
        page("/matters/cases/" + lead + "/sheet", fin).andExpect(status().isForbidden());
        post("/matters/cases/" + lead + "/sign", fin).andExpect(status().isForbidden());
        post("/matters/cases/" + lead + "/answer", fin, "category", "A", "text", "x").andExpect(status().isForbidden());
        page("/matters/cases/" + lead, raiser).andExpect(status().isForbidden());
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.cases[0].status").value("ASSIGNED"));

        page("/matters/cases/" + lead, drc).andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/matters/cases/" + lead + "/sign\"")));
        page("/matters/cases/" + lead + "/sheet", drc).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-print")));
        page("/matters/inbox", drc).andExpect(status().isOk())
                .andExpect(content().string(containsString("/matters/cases/" + lead + "\"")));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        long id = raise();
        long lead = assign(id);
        mvc(MockMvcRequestBuilders.post("/matters/cases/" + lead + "/sign").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + drc)).andExpect(status().isForbidden());
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.cases[0].status").value("ASSIGNED"));
    }

    @Test
    void anActionThatNoLongerFitsTheStateComesBackAsAMessage() throws Exception {
        long id = raise();
        long lead = assign(id);
        post("/matters/cases/" + lead + "/sign", drc).andExpect(redirectedUrl("/matters/cases/" + lead))
                .andExpect(flash().attribute("notice", "matters.done.signed"));
        followed(post("/matters/cases/" + lead + "/sign", drc).andExpect(redirectedUrl("/matters/cases/" + lead)), drc)
                .andExpect(content().string(containsString("不能执行")));
        followed(post("/matters/cases/" + lead + "/answer", drc, "category", "E", "text", ""), drc)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("须为以下之一")))
                .andExpect(content().string(containsString("必填。")));
        followed(post("/matters/cases/" + lead + "/extension", drc, "until", "not-a-date", "reason", "x"), drc)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式或类型不正确")));
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.cases[0].status").value("SIGNED"))
                .andExpect(jsonPath("$.cases[0].extensionUntil").doesNotExist());
    }

    @Test
    void theSupervisorAssignsThroughTheFormAndSeesTheFieldThatIsWrong() throws Exception {
        long id = raise();
        followed(post("/matters/" + id + "/assignments", supervisor, "lead", "ZZ-DRC", "separate", "ZZ-FIN"), supervisor)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("主办单位与分办单位不能同时指定")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handling_case WHERE matter_id = :m").param("m", id)
                .query(Long.class).single()).isZero();
        post("/matters/" + id + "/assignments", supervisor, "lead", "ZZ-DRC", "co", "ZZ-FIN", "dueDate", "")
                .andExpect(redirectedUrl("/matters/" + id))
                .andExpect(flash().attribute("notice", "matters.done.assigned"));
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.cases.length()").value(2))
                .andExpect(jsonPath("$.cases[1].role").value("CO"));
    }

    @Test
    void theSupervisorTakesMattersInMergesMarksKeyMattersAndDecidesExtensions() throws Exception {
        long kept = raise();
        long twin = raise();
        long refused = raise();
        followed(post("/matters/" + twin + "/merge", supervisor, "into", ""), supervisor).andExpect(status().isOk())
                .andExpect(content().string(containsString("必填。")));
        post("/matters/" + twin + "/merge", supervisor, "into", Long.toString(kept))
                .andExpect(flash().attribute("notice", "matters.done.merged"));
        followed(post("/matters/" + refused + "/rejection", supervisor, "reason", ""), supervisor)
                .andExpect(status().isOk()).andExpect(content().string(containsString("必填。")));
        post("/matters/" + refused + "/rejection", supervisor, "reason", "属于司法程序，不予受理")
                .andExpect(flash().attribute("notice", "matters.done.rejected"));
        page("/matters/" + refused, raiser).andExpect(content().string(containsString("属于司法程序，不予受理")));
        post("/matters/" + kept + "/acceptance", supervisor).andExpect(flash().attribute("notice", "matters.done.accepted"));
        post("/matters/" + kept + "/supervision", supervisor, "key", "true", "leader", "王副主任")
                .andExpect(flash().attribute("notice", "matters.done.supervised"));
        page("/matters/board", supervisor).andExpect(content().string(containsString("/matters/" + kept + "\"")));
        api.get("/api/v1/matters/" + twin, supervisor).andExpect(jsonPath("$.status").value("REJECTED"));
        api.get("/api/v1/matters/" + kept, supervisor).andExpect(jsonPath("$.key").value(true))
                .andExpect(jsonPath("$.supervisingLeader").value("王副主任"));

        long lead = assign(kept);
        String due = JsonPath.read(api.get("/api/v1/matters/" + kept, supervisor).andReturn().getResponse()
                .getContentAsString(), "$.cases[0].dueDate");
        String later = LocalDate.parse(due).plusMonths(1).toString();
        post("/matters/cases/" + lead + "/extension", drc, "until", later, "reason", "需要实地调研")
                .andExpect(flash().attribute("notice", "matters.done.extensionRequested"));
        page("/matters/cases/" + lead, supervisor)
                .andExpect(content().string(containsString("action=\"/matters/cases/" + lead + "/extension/decision\"")));
        post("/matters/cases/" + lead + "/extension/decision", drc, "grant", "true").andExpect(status().isForbidden());
        post("/matters/cases/" + lead + "/extension/decision", supervisor, "grant", "true")
                .andExpect(flash().attribute("notice", "matters.done.extensionGranted"));
        api.get("/api/v1/matters/" + kept, supervisor).andExpect(jsonPath("$.cases[0].dueDate").value(later));
        post("/matters/board/cases/" + lead + "/reminders", supervisor)
                .andExpect(redirectedUrl("/matters/board"))
                .andExpect(flash().attribute("notice", "matters.done.reminded"));
    }

    @Test
    void aReturnedCaseIsReassignedAndAnAnswerBIsFollowedUp() throws Exception {
        long id = raise();
        long lead = assign(id);
        followed(post("/matters/cases/" + lead + "/return", drc, "reason", ""), drc).andExpect(status().isOk())
                .andExpect(content().string(containsString("必填。")));
        post("/matters/cases/" + lead + "/return", drc, "reason", "属财政局职责")
                .andExpect(flash().attribute("notice", "matters.done.returned"));
        page("/matters/cases/" + lead, supervisor).andExpect(content().string(containsString("属财政局职责")))
                .andExpect(content().string(containsString("id=\"reassign-orgCode\"")));
        post("/matters/cases/" + lead + "/reassign", supervisor, "orgCode", "ZZ-FIN", "dueDate", "")
                .andExpect(flash().attribute("notice", "matters.done.reassigned"));
        String view = api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.cases[1].orgCode").value("ZZ-FIN"))
                .andReturn().getResponse().getContentAsString();
        long second = ((Number) JsonPath.read(view, "$.cases[1].id")).longValue();
        page("/matters/cases/" + lead, supervisor)
                .andExpect(content().string(not(containsString("id=\"reassign-orgCode\""))));

        post("/matters/cases/" + second + "/sign", fin).andExpect(flash().attribute("notice", "matters.done.signed"));
        post("/matters/cases/" + second + "/answer", fin, "category", "B", "text", "已列入明年计划。", "signedOffBy", "张局长")
                .andExpect(flash().attribute("notice", "matters.done.answered"));
        page("/matters/cases/" + second, fin).andExpect(content().string(containsString("id=\"followup-text\"")));
        post("/matters/cases/" + second + "/follow-up", fin, "text", "道路已开工。", "solved", "true")
                .andExpect(flash().attribute("notice", "matters.done.followedUp"));
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.followUp").value(false))
                .andExpect(jsonPath("$.cases[1].signedOffBy").value("张局长"));
        followed(post("/matters/" + id + "/close", supervisor).andExpect(redirectedUrl("/matters/" + id)), supervisor)
                .andExpect(content().string(containsString("销号")));
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.status").value("ANSWERED"));
    }

    @Test
    void thePublicSeesAnswersWithoutContactDetailsAndTheFigures() throws Exception {
        long id = raise();
        long lead = assign(id);
        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", drc,
                "{\"category\":\"A\",\"text\":\"已打通断头路，联系人电话 13987654321。\"}").andExpect(status().isOk());
        mvc(MockMvcRequestBuilders.get("/public/answers?q=断头路")).andExpect(status().isOk())
                .andExpect(content().string(containsString("已打通断头路")))
                .andExpect(content().string(not(containsString("13987654321"))))
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc(MockMvcRequestBuilders.get("/public/answers/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已打通断头路")))
                .andExpect(content().string(not(containsString("13987654321"))));
        mvc(MockMvcRequestBuilders.get("/public/answers/" + raise())).andExpect(status().isNotFound());
        // The newest answer leads the front page's latest answers, by its public title.
        mvc(MockMvcRequestBuilders.get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/public/answers/" + id + "\"")))
                .andExpect(content().string(not(containsString("13812345678"))));
    }

    private long raise() throws Exception {
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"SUGGESTION\",\"title\":\"关于加快园区道路建设的建议\","
                + "\"content\":\"建议尽快打通园区断头路。联系电话13812345678。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long assign(long id) throws Exception {
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
    }

    private long matterCount() {
        return jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
    }

    private ResultActions page(String path, String token) throws Exception {
        return mvc(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** Posts a form as the browser does: fields as parameters, with the CSRF token. */
    private ResultActions post(String path, String token, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc(request);
    }

    /**
     * The page a refused form sends its reader back to, with what the refusal left for it in the
     * session that the refusal began.
     */
    private ResultActions followed(ResultActions refused, String token) throws Exception {
        MvcResult result = refused.andExpect(status().is3xxRedirection()).andReturn();
        return mvc(MockMvcRequestBuilders.get(result.getResponse().getRedirectedUrl())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).cookie(result.getResponse().getCookies()));
    }

    private ResultActions mvc(MockHttpServletRequestBuilder request) throws Exception {
        return api.mvc().perform(request);
    }
}
