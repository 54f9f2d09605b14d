package org.civicdesk.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/** The pages keep to the same rules as the API: organisers organise, each account sees only its own code. */
@IntegrationTest
class MeetingPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsThePublicPagesToEveryone() throws Exception {
        long latest = jdbc.sql("SELECT m.id FROM meeting m JOIN meeting_series s ON s.id = m.series_id "
                + "WHERE s.slug = 'breakfast' AND m.seq_no = 17").query(Long.class).single();
        api.mvc().perform(get("/public/meetings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("第17次制造名城早餐会")));
        api.mvc().perform(get("/public/meetings/" + latest)).andExpect(status().isOk())
                .andExpect(content().string(containsString("天台开元大酒店")));
        api.mvc().perform(get("/public/meetings/calendar?month=2023-02")).andExpect(status().isOk())
                .andExpect(content().string(containsString("市十六届人大常委会第十次会议")));
        api.mvc().perform(get("/public/series/breakfast")).andExpect(status().isOk())
                .andExpect(content().string(containsString("张国顺、李慧鹏")));
        api.mvc().perform(get("/public/meetings/999999999")).andExpect(status().isNotFound());
        api.mvc().perform(get("/public/series/no-such-series")).andExpect(status().isNotFound());
    }

    @Test
    void keepsTheOrganisersPagesToOrganisers() throws Exception {
        String admin = api.adminToken();
        String username = "p-" + Api.unique();
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"报名人\",\"roles\":[\"RAISER\"]}");
        Cookie raiser = signIn(username, "secret-pass-1");
        api.mvc().perform(get("/meetings").cookie(raiser)).andExpect(status().isForbidden());
        long series = jdbc.sql("SELECT COUNT(*) FROM meeting_series").query(Long.class).single();
        api.mvc().perform(post("/meetings/series").cookie(raiser).with(csrf()).param("slug", "x-" + Api.unique())
                .param("name", "n")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_series").query(Long.class).single()).isEqualTo(series);
        api.mvc().perform(get("/my/meetings")).andExpect(status().is3xxRedirection());
        api.mvc().perform(get("/my/meetings").cookie(raiser)).andExpect(status().isOk());

        Cookie organiser = signIn("admin", Api.ADMIN_PASSWORD);
        api.mvc().perform(get("/meetings").cookie(organiser)).andExpect(status().isOk());
        api.mvc().perform(post("/meetings/series").cookie(organiser).param("slug", "x-" + Api.unique())
                .param("name", "n")).andExpect(status().isForbidden());
        api.mvc().perform(post("/meetings").cookie(organiser).with(csrf()).param("title", "缺地点")
                .param("startsAt", "2030-01-01T09:00")).andExpect(redirectedUrl("/meetings/new"));
        api.mvc().perform(get("/meetings/new").cookie(organiser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void servesTheQrCodeOnlyOfTheCallersOwnRegistration() throws Exception {
        String admin = api.adminToken();
        String slug = "qr-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"二维码\"}");
        long id = ((Number) JsonPath.read(api.post("/api/v1/meetings", admin,
                MeetingsApiIT.meetingJson(slug, 1, null, true)).andReturn().getResponse().getContentAsString(), "$.id"))
                .longValue();
        String owner = "q-" + Api.unique();
        String other = "q-" + Api.unique();
        for (String u : new String[] { owner, other }) {
            api.post("/api/v1/accounts", admin, "{\"username\":\"" + u + "\",\"password\":\"secret-pass-1\","
                    + "\"displayName\":\"" + u + "\",\"roles\":[\"RAISER\"]}");
        }
        Cookie session = signIn(owner, "secret-pass-1");
        api.mvc().perform(post("/my/meetings/" + id + "/register").cookie(session).with(csrf()).param("kind", "EXPERT"))
                .andExpect(redirectedUrl("/my/meetings"));
        api.mvc().perform(get("/my/meetings/" + id + "/qr.svg").cookie(session)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(containsString("<svg")));
        api.mvc().perform(get("/my/meetings/" + id + "/qr.svg").cookie(signIn(other, "secret-pass-1")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT attendee_kind FROM participant WHERE meeting_id = :m AND username = :u")
                .param("m", id).param("u", owner).query(String.class).single()).isEqualTo("EXPERT");
    }

    @Test
    void showsTheCodeOnlyOnceConfirmedAndTheOrganiserExpectedVersusArrived() throws Exception {
        String admin = api.adminToken();
        String slug = "ok-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"需审核\",\"approvalRequired\":true}");
        long id = ((Number) JsonPath.read(api.post("/api/v1/meetings", admin,
                MeetingsApiIT.meetingJson(slug, 1, null, true)).andReturn().getResponse().getContentAsString(), "$.id"))
                .longValue();
        String waiting = "w-" + Api.unique();
        String walkIn = "w-" + Api.unique();
        for (String u : new String[] { waiting, walkIn }) {
            api.post("/api/v1/accounts", admin, "{\"username\":\"" + u + "\",\"password\":\"secret-pass-1\","
                    + "\"displayName\":\"" + u + "\",\"roles\":[\"RAISER\"]}");
        }
        Cookie session = signIn(waiting, "secret-pass-1");
        api.mvc().perform(post("/my/meetings/" + id + "/register").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/my/meetings"));
        api.mvc().perform(get("/my/meetings").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("awaiting-confirmation")))
                .andExpect(content().string(not(containsString("registration-code"))))
                .andExpect(content().string(not(containsString("/my/meetings/" + id + "/qr.svg"))));
        api.mvc().perform(get("/my/meetings/" + id + "/qr.svg").cookie(session)).andExpect(status().isConflict());

        Cookie organiser = signIn("admin", Api.ADMIN_PASSWORD);
        assertTurnout(api.mvc().perform(get("/meetings/" + id).cookie(organiser)), 0, 0);
        api.post("/api/v1/meetings/" + id + "/registrations/" + waiting + "/approve", admin, "");
        api.mvc().perform(get("/my/meetings").cookie(session))
                .andExpect(content().string(containsString("registration-code")))
                .andExpect(content().string(containsString("/my/meetings/" + id + "/qr.svg")));
        assertTurnout(api.mvc().perform(get("/meetings/" + id).cookie(organiser)), 1, 0);
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"username\":\"" + walkIn + "\"}");
        assertTurnout(api.mvc().perform(get("/meetings/" + id + "/check-in").cookie(organiser)), 1, 1);
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"username\":\"" + waiting + "\"}");
        assertTurnout(api.mvc().perform(get("/meetings/" + id).cookie(organiser)), 1, 2);
    }

    @Test
    void listsMeetingsToComeFirst() throws Exception {
        String admin = api.adminToken();
        String slug = "up-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"先列将开的会\"}");
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String[][] meetings = { { "上月的会", now.minusMonths(1).toString() }, { "下月的会", now.plusMonths(1).toString() },
            { "去年的会", now.minusYears(1).toString() }, { "明天的会", now.plusDays(1).toString() } };
        for (int i = 0; i < meetings.length; i++) {
            api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":" + (i + 1) + ",\"title\":\""
                    + meetings[i][0] + "\",\"startsAt\":\"" + meetings[i][1] + "\",\"venue\":\"会议室\","
                    + "\"selfRegistration\":false}").andExpect(status().isCreated());
        }
        String page = api.mvc().perform(get("/public/meetings").param("series", slug)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsSubsequence("明天的会", "下月的会", "上月的会", "去年的会");
        String organisers = api.mvc().perform(get("/meetings").cookie(signIn("admin", Api.ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(organisers).containsSubsequence("明天的会", "下月的会", "上月的会", "去年的会");
    }

    private static void assertTurnout(ResultActions page, int expected, int arrived) throws Exception {
        page.andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"turnout-expected\">" + expected + "<")))
                .andExpect(content().string(containsString("id=\"turnout-arrived\">" + arrived + "<")));
    }

    /** Signs in through the form; the session lives in the database and travels in its cookie. */
    @Test
    void pagesAndFiltersAMeetingsPeopleKeepingTheFilterAndNamesABadOne() throws Exception {
        String admin = api.adminToken();
        String slug = "people-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"名单\"}");
        long id = ((Number) JsonPath.read(api.post("/api/v1/meetings", admin,
                MeetingsApiIT.meetingJson(slug, 1, null, true)).andReturn().getResponse().getContentAsString(), "$.id"))
                .longValue();
        String token = Api.unique();
        for (int n = 1; n <= 52; n++) {
            String who = token + String.format("%02d", n);
            jdbc.sql("""
                    INSERT INTO participant (meeting_id, username, name, role, attendee_kind, registration, code,
                                             attended_at, created_at, updated_at)
                    VALUES (:m, :who, :name, 'ATTENDS', 'OTHER', :registration, :who, :attended, :now, :now)""")
                    .param("m", id).param("who", who).param("name", "与会者" + who)
                    .param("registration", n == 52 ? "PENDING" : "CONFIRMED")
                    .param("attended", n == 3 ? OffsetDateTime.now() : null).param("now", OffsetDateTime.now()).update();
        }
        Cookie organiser = signIn("admin", Api.ADMIN_PASSWORD);
        String page = "/meetings/" + id;

        api.mvc().perform(get(page + "?q=" + token).cookie(organiser)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–50 条，共 52 条")))
                .andExpect(content().string(containsString("href=\"" + page + "?q=" + token + "&amp;page=1\"")))
                .andExpect(content().string(not(containsString("与会者" + token + "51"))));
        api.mvc().perform(get(page + "?q=" + token + "&page=1").cookie(organiser))
                .andExpect(content().string(containsString("第 51–52 条，共 52 条")))
                .andExpect(content().string(containsString("与会者" + token + "51")))
                .andExpect(content().string(not(containsString("与会者" + token + "50"))));
        api.mvc().perform(get(page + "?registration=PENDING").cookie(organiser))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("与会者" + token + "52")));
        api.mvc().perform(get(page + "?arrival=ARRIVED").cookie(organiser))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("与会者" + token + "03")));

        api.mvc().perform(get(page + "?role=KING").cookie(organiser)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#filter-role\"")))
                .andExpect(content().string(containsString("id=\"filter-role-error\"")))
                .andExpect(content().string(not(containsString("<td><span>与会者" + token))));
    }

    private Cookie signIn(String username, String password) throws Exception {
        Cookie cookie = api.mvc().perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
