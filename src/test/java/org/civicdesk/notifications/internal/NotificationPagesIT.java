package org.civicdesk.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.civicdesk.support.Api;
import org.civicdesk.support.Eventually;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** The bell, the list with mark-read, and the choice of channels with the address they need. */
@IntegrationTest
class NotificationPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBellCountsUnreadUntilTheReaderMarksThemRead() throws Exception {
        Api.Account raiser = api.account("RAISER", null);
        String supervisor = api.tokenFor("SUPERVISOR", null);
        page("/notifications/bell", raiser.token()).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("badge"))));

        long first = raise(raiser.token(), "第一件");
        long second = raise(raiser.token(), "第二件");
        for (long m : new long[] { first, second }) {
            api.post("/api/v1/matters/" + m + "/rejection", supervisor, "{\"reason\":\"不属于受理范围\"}")
                    .andExpect(status().is2xxSuccessful());
        }
        Eventually.await("notified", () -> count(raiser.username()) == 2);
        page("/notifications/bell", raiser.token()).andExpect(content().string(containsString(">2<")));
        page("/", raiser.token()).andExpect(content().string(containsString("/notifications/bell")));
        String list = page("/notifications", raiser.token()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("「第一件」不予受理").contains("「第二件」不予受理");

        long id = jdbc.sql("SELECT id FROM notification WHERE recipient = :u AND matter_id = :m")
                .param("u", raiser.username()).param("m", first).query(Long.class).single();
        post("/notifications/" + id + "/read", raiser.token(), "open", "true")
                .andExpect(redirectedUrl("/matters/" + first));
        page("/notifications/bell", raiser.token()).andExpect(content().string(containsString(">1<")));

        // Another reader cannot mark it, nor sees it.
        Api.Account other = api.account("RAISER", null);
        post("/notifications/read-all", other.token()).andExpect(status().is3xxRedirection());
        page("/notifications/bell", raiser.token()).andExpect(content().string(containsString(">1<")));
        page("/notifications", other.token()).andExpect(content().string(not(containsString("第二件"))));

        post("/notifications/read-all", raiser.token()).andExpect(redirectedUrl("/notifications"));
        page("/notifications/bell", raiser.token()).andExpect(content().string(not(containsString("badge"))));
    }

    @Test
    void aChannelNeedsAnAddressAndAnAddressMustBeValid() throws Exception {
        Api.Account raiser = api.account("RAISER", null);
        page("/notifications/settings", raiser.token()).andExpect(status().isOk())
                .andExpect(content().string(containsString("个人信息保护法")));

        followed(post("/notifications/settings", raiser.token(), "choices", "ANSWERED.EMAIL"), raiser.token())
                .andExpect(content().string(containsString("选择以电子邮件接收提醒，须有电子邮箱。")));
        followed(post("/notifications/settings", raiser.token(), "choices", "ANSWERED.SMS", "email", "not-an-address",
                "phone", "12345"), raiser.token())
                .andExpect(content().string(allOf(containsString("不是有效的电子邮箱地址。"),
                        containsString("请填写 11 位中国大陆手机号码。"))));
        assertThat(preferences(raiser.username())).isZero();

        post("/notifications/settings", raiser.token(), "choices", "ANSWERED.EMAIL", "choices", "ASSIGNED.SMS",
                "email", "me@example.cn", "phone", "13800138000")
                .andExpect(redirectedUrl("/notifications/settings"));
        assertThat(preferences(raiser.username())).isEqualTo(2);
        page("/notifications/settings", raiser.token())
                .andExpect(content().string(allOf(containsString("me@example.cn"), containsString("13800138000"))));
        // Someone else's settings page shows none of it.
        page("/notifications/settings", api.tokenFor("RAISER", null))
                .andExpect(content().string(not(containsString("me@example.cn"))));

        post("/notifications/settings", raiser.token()).andExpect(redirectedUrl("/notifications/settings"));
        assertThat(preferences(raiser.username())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_address WHERE username = :u")
                .param("u", raiser.username()).query(Long.class).single()).isZero();
    }

    @Test
    void aBookingDecisionReachesItsRequesterInTheAppAndByTheChannelItChose() throws Exception {
        Api.Account manager = api.account("PLACE_MANAGER", null);
        Api.Account org = api.account("RAISER", "ZZ-JINXIU");
        String address = org.username() + "@example.cn";
        post("/notifications/settings", org.token(), "choices", "BOOKING_CONFIRMED.EMAIL", "email", address)
                .andExpect(redirectedUrl("/notifications/settings"));
        String place = api.post("/api/v1/places", api.adminToken(), "{\"name\":\"提醒测试 " + Api.unique()
                + "\",\"kind\":\"TEACHING_POINT\",\"level\":\"COUNTY\",\"district\":\"天元区\","
                + "\"lat\":27.826,\"lon\":113.082,\"capacity\":20,\"manager\":\"" + manager.username() + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        String booking = api.post("/api/v1/places/" + JsonPath.read(place, "$.id") + "/bookings", org.token(),
                "{\"date\":\"" + day + "\",\"startTime\":\"09:00\",\"endTime\":\"11:00\",\"groupSize\":6,"
                        + "\"topic\":\"主题党日\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        api.post("/api/v1/bookings/" + JsonPath.read(booking, "$.id") + "/confirm", manager.token(), "")
                .andExpect(status().isOk());

        Eventually.await("notified", () -> count(org.username()) == 1);
        page("/notifications", org.token()).andExpect(content().string(containsString("（" + day + "）已确认")));
        assertThat(jdbc.sql("SELECT subject FROM outbox_message WHERE address = :a").param("a", address)
                .query(String.class).list()).containsExactly("【民生议事台】预约已确认");
    }

    private long raise(String token, String title) throws Exception {
        String body = api.post("/api/v1/matters", token,
                "{\"type\":\"APPEAL\",\"title\":\"" + title + "\",\"content\":\"请处理。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long count(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = :u").param("u", username)
                .query(Long.class).single();
    }

    private long preferences(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_preference WHERE username = :u").param("u", username)
                .query(Long.class).single();
    }

    private ResultActions page(String path, String token) throws Exception {
        return api.mvc().perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private ResultActions post(String path, String token, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return api.mvc().perform(request);
    }

    private ResultActions followed(ResultActions refused, String token) throws Exception {
        MvcResult result = refused.andExpect(status().is3xxRedirection()).andReturn();
        return api.mvc().perform(MockMvcRequestBuilders.get(result.getResponse().getRedirectedUrl())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).cookie(result.getResponse().getCookies()));
    }
}
