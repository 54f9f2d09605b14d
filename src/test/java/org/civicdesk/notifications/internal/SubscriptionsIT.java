package org.civicdesk.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.civicdesk.support.Api;
import org.civicdesk.support.Eventually;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/**
 * Following a public matter and subscribing to notices, signed in or by e-mail; aid and claim
 * decisions told to the applicant; the reminder the day before a meeting; each in the language its
 * reader last used.
 */
@IntegrationTest
class SubscriptionsIT {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MeetingReminders reminders;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationTexts texts;

    @Test
    void followersOfAPublicMatterAreToldOfItsAnswerAndClosingAndAVisitorOnlyOnceConfirmed() throws Exception {
        Api.Account raiser = api.account("RAISER", null);
        Api.Account follower = api.account("RAISER", null);
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String title = "关注测试 " + Api.unique();
        long matter = raise(raiser.token(), title);
        page("/public/follow/matters/" + matter, null).andExpect(status().isNotFound());

        // Two departments answer separately: the first answer is public before the matter is answered.
        List<Long> cases = JsonPath.<List<Number>>read(api.post("/api/v1/matters/" + matter + "/assignments", supervisor,
                "{\"separate\":[\"ZZ-HURD\",\"ZZ-FIN\"]}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.cases[*].id").stream().map(Number::longValue).toList();
        answer(cases.get(0), "ZZ-HURD");
        page("/public/answers/" + matter, null).andExpect(content().string(containsString("/public/follow/matters/" + matter)));

        page("/public/follow/matters/" + matter, follower.token()).andExpect(status().isOk());
        post("/public/follow/matters/" + matter, follower.token()).andExpect(redirectedUrl("/public/follow/matters/" + matter));
        post("/public/follow/matters/" + matter, raiser.token()).andExpect(status().is3xxRedirection());
        page("/public/follow/matters/" + matter, follower.token())
                .andExpect(content().string(containsString("您已关注此事项。")));

        // A visitor: the form shows the privacy notice; consent and a valid address are needed.
        page("/public/follow/matters/" + matter, null).andExpect(content().string(containsString("个人信息处理告知")));
        String visitor = "follow-" + Api.unique() + "@example.cn";
        post("/public/follow/matters/" + matter, null, "email", "not-an-address").andExpect(status().is3xxRedirection());
        post("/public/follow/matters/" + matter, null, "email", visitor).andExpect(status().is3xxRedirection());
        assertThat(mails(visitor)).isZero();
        post("/public/follow/matters/" + matter, null, "email", visitor, "consent", "true")
                .andExpect(redirectedUrl("/public/follow/matters/" + matter));
        assertThat(mails(visitor)).isEqualTo(1);

        answer(cases.get(1), "ZZ-FIN");
        Eventually.await("told", () -> count(follower.username(), "FOLLOWED_ANSWERED") == 1);
        page("/notifications", follower.token()).andExpect(content().string(containsString("您关注的事项「" + title + "」已答复")));
        Eventually.await("all told", () -> unfinished("CaseAnswered", "{\"value\":" + matter + "}") == 0);
        // The raiser is told as the raiser, not again as a follower; the unconfirmed visitor not at all.
        assertThat(count(raiser.username(), "FOLLOWED_ANSWERED")).isZero();
        assertThat(count(raiser.username(), "ANSWERED")).isEqualTo(1);
        assertThat(mails(visitor)).isEqualTo(1);

        String token = jdbc.sql("SELECT token FROM subscription WHERE email = :e").param("e", visitor)
                .query(String.class).single();
        page("/public/subscriptions/" + token + "/confirm", null).andExpect(content().string(containsString("订阅已确认")));
        api.post("/api/v1/matters/" + matter + "/evaluation", raiser.token(), "{\"rating\":\"SATISFIED\"}")
                .andExpect(status().isOk());
        Eventually.await("closed told", () -> count(follower.username(), "FOLLOWED_CLOSED") == 1 && mails(visitor) == 2);
        assertThat(jdbc.sql("SELECT body FROM outbox_message WHERE address = :a ORDER BY id DESC").param("a", visitor)
                .query(String.class).list().get(0)).contains("「" + title + "」已办结")
                .contains("/public/answers/" + matter).contains("/public/subscriptions/" + token + "/unsubscribe");

        post("/public/follow/matters/" + matter + "/stop", follower.token()).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE username = :u").param("u", follower.username())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSignedInSubscriberIsToldOfAPublishedNoticeOfItsKindOnly() throws Exception {
        Api.Account resident = api.account("RAISER", null);
        post("/public/notice-subscriptions", resident.token(), "kind", "NO_SUCH_KIND").andExpect(status().is3xxRedirection());
        post("/public/notice-subscriptions", resident.token(), "kind", "HEALTH_ALERT")
                .andExpect(redirectedUrl("/public/notice-subscriptions"));
        long alert = notice("HEALTH_ALERT", "水痘进入高发季 " + Api.unique());
        long other = notice("POLICY", "政策解读 " + Api.unique());
        Eventually.await("told", () -> count(resident.username(), "NOTICE_PUBLISHED") == 1);
        Eventually.await("all told", () -> unfinished("NoticeEvent$Published", "\"noticeId\":" + other) == 0);
        assertThat(jdbc.sql("SELECT link FROM notification WHERE recipient = :u").param("u", resident.username())
                .query(String.class).list()).containsExactly("/public/notices/" + alert).doesNotContain("/public/notices/" + other);
    }

    @Test
    void anApplicantIsToldOfTheDecisionAndThePaymentInTheLanguageTheyLastUsed() throws Exception {
        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String programme = "AID-" + Api.unique();
        api.post("/api/v1/aid/programmes", officer, "{\"code\":\"" + programme + "\",\"name\":\"大病救助\","
                + "\"eligibleCategories\":\"LOW_INCOME\",\"validFrom\":\"2023-01-01\"}").andExpect(status().isCreated());
        Api.Account resident = api.account("RAISER", null);
        String address = resident.username() + "@example.cn";
        post("/notifications/settings", resident.token(), "choices", "AID_DECLINED.EMAIL", "choices", "AID_PAID.EMAIL",
                "email", address).andExpect(redirectedUrl("/notifications/settings"));
        // The resident reads the app in English: the bell notes it.
        api.mvc().perform(MockMvcRequestBuilders.get("/notifications/bell").param("lang", "en")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + resident.token())).andExpect(status().isOk());

        long declined = application(programme, resident.token());
        api.post("/api/v1/aid/applications/" + declined + "/decision", officer,
                "{\"approve\":false,\"reason\":\"家庭收入超过标准\"}").andExpect(status().isOk());
        long paid = application(programme, resident.token());
        api.post("/api/v1/aid/applications/" + paid + "/decision", officer, "{\"approve\":true,\"amount\":\"1500\"}")
                .andExpect(status().isOk());
        api.postKeyed("/api/v1/aid/applications/" + paid + "/payment", officer, "pay-" + Api.unique(), "")
                .andExpect(status().isCreated());

        Eventually.await("told", () -> count(resident.username(), "AID_DECLINED") == 1
                && count(resident.username(), "AID_APPROVED") == 1 && count(resident.username(), "AID_PAID") == 1);
        page("/notifications", resident.token()).andExpect(content().string(containsString("原因：家庭收入超过标准")))
                .andExpect(content().string(containsString("救助款 1,500.00 元已发放")));
        Eventually.await("mailed", () -> mails(address) == 2);
        assertThat(jdbc.sql("SELECT subject || ' ' || body FROM outbox_message WHERE address = :a ORDER BY id")
                .param("a", address).query(String.class).list())
                .anySatisfy(m -> assertThat(m).contains("Aid declined").contains("Reason: 家庭收入超过标准"))
                .anySatisfy(m -> assertThat(m).contains("Aid paid").contains("1,500.00 yuan"));

        // A claim whose claimant is an account is told to it; one named only is told to nobody.
        int year = jdbc.sql("SELECT COALESCE(MIN(policy_year), 2101) - 1 FROM livelihood_policy WHERE policy_year >= 2050")
                .query(Integer.class).single();
        api.post("/api/v1/insurance/policies", officer, "{\"year\":" + year + ",\"insuredPeople\":1000,"
                + "\"premium\":\"1000\",\"coverage\":\"测试市民\"}").andExpect(status().isCreated());
        long claim = ((Number) JsonPath.read(api.post("/api/v1/insurance/policies/" + year + "/claims", officer,
                "{\"claimant\":\"" + resident.username() + "\",\"incident\":\"住院\",\"incidentOn\":\"" + year
                        + "-03-01\",\"amountClaimed\":\"800\"}").andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id")).longValue();
        api.post("/api/v1/insurance/policies/" + year + "/claims/" + claim + "/decision", officer,
                "{\"approve\":false,\"reason\":\"不在保险责任范围内\"}").andExpect(status().isOk());
        Eventually.await("claim told", () -> count(resident.username(), "CLAIM_DECLINED") == 1);
    }

    @Test
    void theDayBeforeAMeetingThoseExpectedAreRemindedOnceInTheCitysTime() throws Exception {
        String admin = api.adminToken();
        String slug = "s-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"提醒测试\"}").andExpect(status().isCreated());
        OffsetDateTime start = OffsetDateTime.now(CITY).plusDays(3).withHour(7).withMinute(30).withSecond(0).withNano(0);
        long tomorrows = meeting(admin, slug, 1, start);
        long later = meeting(admin, slug, 2, start.plusDays(1));
        Api.Account registrant = api.account("RAISER", null);
        Api.Account invitee = api.account("RAISER", null);
        Api.Account declined = api.account("RAISER", null);
        for (long m : new long[] { tomorrows, later }) {
            api.post("/api/v1/meetings/" + m + "/registrations", registrant.token(), "").andExpect(status().is2xxSuccessful());
        }
        api.post("/api/v1/meetings/" + tomorrows + "/invitations", admin, "{\"username\":\"" + invitee.username() + "\"}")
                .andExpect(status().is2xxSuccessful());
        api.post("/api/v1/meetings/" + tomorrows + "/invitations", admin, "{\"username\":\"" + declined.username() + "\"}")
                .andExpect(status().is2xxSuccessful());
        jdbc.sql("UPDATE participant SET invitation = 'ACCEPTED' WHERE meeting_id = :m AND username = :u")
                .param("m", tomorrows).param("u", invitee.username()).update();

        // 00:30 in the city, still the day before in UTC: "tomorrow" is the city's.
        clock.set(start.minusDays(1).toLocalDate().atTime(0, 30).atZone(CITY).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC).toString());
        reminders.remind();
        reminders.remind();
        assertThat(count(registrant.username(), "MEETING_REMINDER")).isEqualTo(1);
        assertThat(count(invitee.username(), "MEETING_REMINDER")).isEqualTo(1);
        assertThat(count(declined.username(), "MEETING_REMINDER")).isZero();
        // Read as the app shows it (a page would refuse the token, which expired in the clock's future).
        Notifications.Notification reminder = notifications.of(new Notifications.Reader(registrant.username(), null,
                List.of("RAISER")), 0, 1).get(0);
        assertThat(texts.text(reminder, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("提醒：您明天（" + start.toLocalDate() + "）07:30 · 神农城会议中心参加会议「第1次早餐会」。");
        assertThat(texts.text(reminder, Locale.ENGLISH)).contains("tomorrow (" + start.toLocalDate() + ") at 07:30");

        // The next day, the later meeting's reminder, and still one of the first.
        clock.set(clock.instant().plusSeconds(86_400).atOffset(ZoneOffset.UTC).toString());
        reminders.remind();
        assertThat(count(registrant.username(), "MEETING_REMINDER")).isEqualTo(2);
        assertThat(count(invitee.username(), "MEETING_REMINDER")).isEqualTo(1);
    }

    private long meeting(String admin, String slug, int number, OffsetDateTime start) throws Exception {
        return ((Number) JsonPath.read(api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":"
                + number + ",\"title\":\"第" + number + "次早餐会\",\"startsAt\":\"" + start + "\",\"venue\":\"神农城会议中心\","
                + "\"selfRegistration\":true}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
    }

    private long application(String programme, String token) throws Exception {
        return ((Number) JsonPath.read(api.post("/api/v1/aid/programmes/" + programme + "/applications", token,
                "{\"category\":\"LOW_INCOME\",\"amountRequested\":\"2000\",\"reason\":\"看病\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private long notice(String kind, String title) throws Exception {
        return ((Number) JsonPath.read(api.post("/api/v1/notices", api.adminToken(), "{\"title\":\"" + title
                + "\",\"body\":\"正文\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"" + kind + "\",\"publish\":true}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private long raise(String token, String title) throws Exception {
        return ((Number) JsonPath.read(api.post("/api/v1/matters", token,
                "{\"type\":\"APPEAL\",\"title\":\"" + title + "\",\"content\":\"请处理。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private void answer(long aCase, String org) throws Exception {
        String handler = api.tokenFor("HANDLER", org);
        api.post("/api/v1/cases/" + aCase + "/sign", handler, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + aCase + "/answer", handler, "{\"category\":\"A\",\"text\":\"已办理。\"}")
                .andExpect(status().isOk());
    }

    private long count(String username, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = :u AND kind = :k").param("u", username)
                .param("k", kind).query(Long.class).single();
    }

    private long mails(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a").param("a", address)
                .query(Long.class).single();
    }

    /** Events of the type about the thing not yet handled by every listener (handled ones are deleted). */
    private long unfinished(String eventType, String about) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE :t AND serialized_event LIKE :a")
                .param("t", "%" + eventType).param("a", "%" + about + "%").query(Long.class).single();
    }

    private ResultActions page(String path, String token) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return api.mvc().perform(request);
    }

    private ResultActions post(String path, String token, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(csrf());
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return api.mvc().perform(request);
    }
}
