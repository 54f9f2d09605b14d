package org.civicdesk.places;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.servlet.http.Cookie;

/** The long lists of places: the manager's queue, an organisation's bookings and the honours, a page at a time. */
@IntegrationTest
class PlaceListsPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesAndFiltersBookingsInTheQueueAndOnesOwnListKeepingTheFilter() throws Exception {
        String token = "visit" + Api.unique();
        long place = jdbc.sql("SELECT MIN(id) FROM place").query(Long.class).single();
        for (int day = 1; day <= 22; day++) {
            jdbc.sql("""
                    INSERT INTO booking (place_id, org_code, requested_by, visit_date, start_time, end_time, group_size,
                                         topic, status, created_at, updated_at)
                    VALUES (:place, 'ZZ-CDC', 'admin', :day, :start, :end, 10, :topic, :status, :now, :now)""")
                    .param("place", place).param("day", LocalDate.of(2031, 1, day)).param("start", LocalTime.of(9, 0))
                    .param("end", LocalTime.of(11, 0)).param("topic", token + " 第" + String.format("%02d", day) + "场")
                    .param("status", day == 22 ? "CONFIRMED" : "REQUESTED").param("now", OffsetDateTime.now()).update();
        }
        Cookie admin = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");

        api.mvc().perform(get("/places/queue?q=" + token).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–20 条，共 21 条")))
                .andExpect(content().string(containsString("第 1–1 条，共 1 条")))
                .andExpect(content().string(containsString("href=\"/places/queue?q=" + token + "&amp;page=1\"")))
                .andExpect(content().string(not(containsString(token + " 第21场"))));
        api.mvc().perform(get("/places/queue?q=" + token + "&page=1").cookie(admin))
                .andExpect(content().string(containsString("第 21–21 条，共 21 条")))
                .andExpect(content().string(containsString(token + " 第21场")))
                .andExpect(content().string(containsString(token + " 第22场")))
                .andExpect(content().string(not(containsString(token + " 第20场"))));
        api.mvc().perform(get("/places/queue?q=" + token + "&from=2031-01-03&to=2031-01-04&place=" + place).cookie(admin))
                .andExpect(content().string(containsString("共 2 条")))
                .andExpect(content().string(not(containsString(token + " 第05场"))));

        api.mvc().perform(get("/places/bookings?q=" + token).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–20 条，共 22 条")))
                .andExpect(content().string(containsString("href=\"/places/bookings?q=" + token + "&amp;page=1\"")))
                .andExpect(content().string(not(containsString(token + " 第02场"))));
        api.mvc().perform(get("/places/bookings?q=" + token + "&status=CONFIRMED").cookie(admin))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString(token + " 第22场")));

        api.mvc().perform(get("/places/queue?place=abc&from=2031-02-30").cookie(admin)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#filter-place\"")))
                .andExpect(content().string(containsString("参观日期自：须为日期")))
                .andExpect(content().string(not(containsString(token))));
        api.mvc().perform(get("/places/bookings?status=LOST&from=2031-02-01&to=2031-01-01").cookie(admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#filter-status\"")))
                .andExpect(content().string(containsString("href=\"#filter-to\"")));
    }

    @Test
    void pagesAndFiltersTheHonoursKeepingTheFilter() throws Exception {
        String token = "honour" + Api.unique();
        for (int n = 1; n <= 21; n++) {
            jdbc.sql("""
                    INSERT INTO honour (title, awarding_body, awarded_on, honour_level, org_name, created_at)
                    VALUES (:title, '株洲市人民政府', :on, :level, '示范单位', :now)""")
                    .param("title", token + " 第" + String.format("%02d", n) + "名").param("on", LocalDate.of(2001, 1, n))
                    .param("level", n == 1 ? "NATIONAL" : "MUNICIPAL").param("now", OffsetDateTime.now()).update();
        }
        api.mvc().perform(get("/public/honours?q=" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1–20 条，共 21 条")))
                .andExpect(content().string(containsString("href=\"/public/honours?q=" + token + "&amp;page=1\"")))
                .andExpect(content().string(not(containsString(token + " 第01名"))));
        api.mvc().perform(get("/public/honours?q=" + token + "&page=1"))
                .andExpect(content().string(containsString("第 21–21 条，共 21 条")))
                .andExpect(content().string(containsString(token + " 第01名")));
        api.mvc().perform(get("/public/honours?q=" + token + "&level=NATIONAL"))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString(token + " 第01名")));
        api.mvc().perform(get("/public/honours?q=" + token + "&from=2001-01-10&to=2001-01-11"))
                .andExpect(content().string(containsString("共 2 条")));
        api.mvc().perform(get("/public/honours?level=GALACTIC")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#filter-level\"")))
                .andExpect(content().string(containsString("id=\"filter-level-error\"")));
    }
}
