package org.civicdesk.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/** The calendar feed is a calendar a real parser accepts, with what a calendar program needs of each meeting. */
@IntegrationTest
class CalendarFeedIT {

    @Autowired
    Api api;

    @Test
    void theBreakfastSeriesFeedParsesWithIcal4jAndValidates() throws Exception {
        String body = api.get("/api/v1/public/series/breakfast/calendar.ics", null)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/calendar")))
                .andReturn().getResponse().getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        assertValid(calendar);
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID)).isPresent();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(17);
        VEvent latest = events.stream().filter(e -> e.getSummary().orElseThrow().getValue().startsWith("第17次")).findFirst().orElseThrow();
        assertThat(latest.getLocation().orElseThrow().getValue()).isEqualTo("天台开元大酒店");
        assertThat(Instant.from(latest.<Temporal>getDateTimeStart().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2023-02-24T23:30:00Z"));
        assertThat(Instant.from(latest.<Temporal>getDateTimeEnd().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2023-02-25T01:00:00Z"));
        assertThat(events.stream().map(e -> e.getUid().orElseThrow().getValue()).distinct()).hasSize(17);
    }

    @Test
    void aMeetingCreatedThroughTheApiAppearsWithTwoHoursWhenItHasNoEnd() throws Exception {
        String admin = api.adminToken();
        String slug = "ics-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"日历测试, 含逗号; 与分号\"}")
                .andExpect(status().isCreated());
        api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":1,\"title\":\"调度会: 第一批\","
                + "\"startsAt\":\"2023-02-28T15:00:00+08:00\",\"venue\":\"市政府, 三楼\",\"selfRegistration\":false}")
                .andExpect(status().isCreated());
        Calendar calendar = new CalendarBuilder().build(new StringReader(api.get("/api/v1/public/series/" + slug
                + "/calendar.ics", null).andReturn().getResponse().getContentAsString()));
        assertValid(calendar);
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("调度会: 第一批");
        assertThat(event.getLocation().orElseThrow().getValue()).isEqualTo("市政府, 三楼");
        assertThat(Instant.from(event.<Temporal>getDateTimeEnd().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2023-02-28T09:00:00Z"));
        api.get("/api/v1/public/series/no-such-series/calendar.ics", null).andExpect(status().isNotFound());
    }

    @Test
    void eachMeetingHasACalendarFileOfItsOwn() throws Exception {
        String admin = api.adminToken();
        String slug = "ics1-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"单次会议日历\"}")
                .andExpect(status().isCreated());
        long id = ((Number) JsonPath.read(api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug
                + "\",\"number\":1,\"title\":\"第1次座谈会\",\"startsAt\":\"2030-03-02T07:30:00+08:00\","
                + "\"endsAt\":\"2030-03-02T09:00:00+08:00\",\"venue\":\"市民中心\",\"theme\":\"企业上市\","
                + "\"selfRegistration\":true}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        String body = api.get("/api/v1/public/meetings/" + id + "/calendar.ics", null).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/calendar")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".ics")))
                .andReturn().getResponse().getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        assertValid(calendar);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("第1次座谈会");
        assertThat(event.getLocation().orElseThrow().getValue()).isEqualTo("市民中心");
        assertThat(Instant.from(event.<Temporal>getDateTimeStart().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2030-03-01T23:30:00Z"));
        // The same UID as in the series' feed: a program that has both keeps one event.
        Calendar feed = new CalendarBuilder().build(new StringReader(api.get("/api/v1/public/series/" + slug
                + "/calendar.ics", null).andReturn().getResponse().getContentAsString()));
        assertThat(event.getUid()).isEqualTo(feed.<VEvent>getComponents("VEVENT").get(0).getUid());

        String draft = "{\"series\":\"" + slug + "\",\"number\":2,\"title\":\"草稿\",\"startsAt\":\"2030-03-09T07:30:00+08:00\","
                + "\"venue\":\"市民中心\",\"status\":\"DRAFT\",\"selfRegistration\":false}";
        long draftId = ((Number) JsonPath.read(api.post("/api/v1/meetings", admin, draft).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        api.get("/api/v1/public/meetings/" + draftId + "/calendar.ics", null).andExpect(status().isNotFound());
        api.get("/api/v1/public/meetings/999999999/calendar.ics", null).andExpect(status().isNotFound());
    }

    /**
     * ical4j's validator finds nothing to say of the whole feed: calendar, every event and property
     * (RFC 5545 §3.6.1 allows one DTSTAMP per event).
     */
    private static void assertValid(Calendar calendar) {
        ValidationResult result = calendar.validate();
        assertThat(result.getEntries()).as(result.toString()).isEmpty();
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            assertThat(event.getProperties(Property.DTSTAMP)).as(event.toString()).hasSize(1);
        }
    }
}
