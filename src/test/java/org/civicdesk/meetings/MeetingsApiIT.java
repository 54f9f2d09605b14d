package org.civicdesk.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.civicdesk.support.Api;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import com.jayway.jsonpath.JsonPath;

/** The meetings part of the API contract, and every refusal around it. */
@IntegrationTest
class MeetingsApiIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String admin;

    record Account(String username, String token) {
    }

    @BeforeEach
    void signIn() throws Exception {
        admin = api.adminToken();
    }

    @Test
    void createsASeriesAndAMeetingAsTheContractSays() throws Exception {
        String slug = series();
        api.get("/api/v1/series/" + slug, admin).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("测试系列"));
        String body = api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":1,\"title\":\"第1次早餐会\","
                + "\"startsAt\":\"2023-02-25T07:30:00+08:00\",\"venue\":\"天台开元大酒店\",\"theme\":\"企业上市\","
                + "\"themeCategory\":\"助力企业成长类\",\"capacity\":7,\"selfRegistration\":true}")
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.get("/api/v1/meetings/" + id, admin)
                .andExpect(jsonPath("$.series").value(slug))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.startsAt").value("2023-02-25T07:30:00+08:00"))
                .andExpect(jsonPath("$.themeCategory").value("助力企业成长类"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.registrationOpen").value(true));
        api.get("/api/v1/series/" + slug, admin).andExpect(jsonPath("$.themeCategories[0]").value("助力企业成长类"));
        api.get("/api/v1/meetings?series=" + slug, admin).andExpect(jsonPath("$[0].id").value(id));
        api.get("/api/v1/public/meetings/" + id, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.meeting.title").value("第1次早餐会"));
        api.get("/v3/api-docs", null)
                .andExpect(jsonPath("$.paths['/api/v1/meetings/{id}/registrations'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/meetings/{id}/attendance'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/stats/series/{slug}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/series/{slug}/calendar.ics'].get").exists());
    }

    @Test
    void refusesBadSeriesAndMeetingsNamingEachFieldAndWritesNothing() throws Exception {
        long series = count("meeting_series");
        long meetings = count("meeting");
        api.post("/api/v1/series", admin, "{\"slug\":\"Bad Slug\",\"kind\":\"PARTY\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("slug")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        String slug = series();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"again\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUPLICATE"));
        api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":0,\"startsAt\":\"next tuesday\","
                + "\"endsAt\":\"2023-02-25 half past seven\",\"capacity\":-1,\"selfRegistration\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("number")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("startsAt")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endsAt")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("venue")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("capacity")));
        api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":\"one\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("number"));
        api.post("/api/v1/meetings", admin, meetingJson("no-such-series", 1, null, false))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("series"));
        assertThat(count("meeting_series")).isEqualTo(series + 1);
        assertThat(count("meeting")).isEqualTo(meetings);
        meeting(slug, 1, null, false);
        api.post("/api/v1/meetings", admin, meetingJson(slug, 1, null, false))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("number"));
        assertThat(count("meeting")).isEqualTo(meetings + 1);
        api.get("/api/v1/meetings/999999999", admin).andExpect(status().isNotFound());
        api.get("/api/v1/series/no-such-series", admin).andExpect(status().isNotFound());
    }

    @Test
    void letsOnlyOrganisersCreateInviteAndCheckIn() throws Exception {
        Account raiser = account("RAISER");
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String slug = series();
        long id = meeting(slug, 1, null, true);
        long before = count("meeting") + count("meeting_series") + count("participant");
        api.post("/api/v1/series", raiser.token(), "{\"slug\":\"s-" + Api.unique() + "\",\"name\":\"n\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        api.post("/api/v1/meetings", raiser.token(), meetingJson(slug, 2, null, true)).andExpect(status().isForbidden());
        api.post("/api/v1/meetings/" + id + "/invitations", raiser.token(), "{\"username\":\"" + raiser.username() + "\"}")
                .andExpect(status().isForbidden());
        api.post("/api/v1/meetings/" + id + "/attendance", raiser.token(), "{\"username\":\"" + raiser.username() + "\"}")
                .andExpect(status().isForbidden());
        api.post("/api/v1/meetings/" + id + "/registrations", null, "").andExpect(status().isUnauthorized());
        api.post("/api/v1/meetings", null, meetingJson(slug, 2, null, true)).andExpect(status().isUnauthorized());
        assertThat(count("meeting") + count("meeting_series") + count("participant")).isEqualTo(before);
        api.post("/api/v1/meetings", supervisor, meetingJson(slug, 2, null, true)).andExpect(status().isCreated());
    }

    @Test
    void invitesAndLetsTheInviteeAcceptOrDecline() throws Exception {
        Account guest = account("RAISER");
        long id = meeting(series(), 1, 2, false);
        api.post("/api/v1/meetings/" + id + "/invitations", admin, "{\"username\":\"" + guest.username() + "\",\"kind\":\"ENTREPRENEUR\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitation").value("SENT"))
                .andExpect(jsonPath("$.role").value("GUEST"))
                .andExpect(jsonPath("$.code").doesNotExist());
        api.post("/api/v1/meetings/" + id + "/invitations", admin, "{\"username\":\"" + guest.username() + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.invitation").value("SENT"));
        long participants = count("participant");
        api.post("/api/v1/meetings/" + id + "/invitations", admin, "{\"username\":\"nobody-" + Api.unique() + "\"}")
                .andExpect(status().isNotFound());
        api.post("/api/v1/meetings/999999999/invitations", admin, "{\"username\":\"" + guest.username() + "\"}")
                .andExpect(status().isNotFound());
        api.post("/api/v1/meetings/" + id + "/invitations", admin, "{\"role\":\"KING\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("role")));
        assertThat(count("participant")).isEqualTo(participants);

        api.get("/api/v1/me/meetings", guest.token()).andExpect(jsonPath("$[0].meeting.id").value(id))
                .andExpect(jsonPath("$[0].me.invitation").value("SENT")).andExpect(jsonPath("$[0].me.code").isString());
        api.post("/api/v1/meetings/" + id + "/invitation/accept", guest.token(), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.invitation").value("ACCEPTED"));
        api.post("/api/v1/meetings/" + id + "/invitation/decline", guest.token(), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.invitation").value("DECLINED"));
        api.post("/api/v1/meetings/" + id + "/invitation/accept", account("RAISER").token(), "")
                .andExpect(status().isNotFound());
    }

    @Test
    void registersTheCallerOnceAndRefusesWhenClosedOrFull() throws Exception {
        String slug = series();
        long open = meeting(slug, 1, 2, true);
        long closed = meeting(slug, 2, 2, false);
        Account first = account("RAISER");
        String body = api.post("/api/v1/meetings/" + open + "/registrations", first.token(), "")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registration").value("CONFIRMED"))
                .andExpect(jsonPath("$.username").value(first.username()))
                .andExpect(jsonPath("$.code").isString())
                .andReturn().getResponse().getContentAsString();
        api.post("/api/v1/meetings/" + open + "/registrations", first.token(), "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((Integer) JsonPath.read(body, "$.id")));
        api.get("/api/v1/meetings/" + open, admin).andExpect(jsonPath("$.seatsTaken").value(1));
        api.get("/api/v1/meetings/" + open + "/registrations/mine", first.token())
                .andExpect(jsonPath("$.code").value((String) JsonPath.read(body, "$.code")));
        api.get("/api/v1/meetings/" + open + "/registrations/mine/qr.svg", first.token())
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("image/svg+xml")));
        api.get("/api/v1/meetings/" + open + "/attendees", admin)
                .andExpect(jsonPath("$[0].username").value(first.username()))
                .andExpect(jsonPath("$[0].code").doesNotExist());

        long participants = count("participant");
        api.post("/api/v1/meetings/" + closed + "/registrations", first.token(), "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REGISTRATION_CLOSED"));
        api.post("/api/v1/meetings/" + open + "/registrations", account("RAISER").token(), "").andExpect(status().isCreated());
        api.post("/api/v1/meetings/" + open + "/registrations", account("RAISER").token(), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("MEETING_FULL"))
                .andExpect(jsonPath("$.status").value(409));
        api.post("/api/v1/meetings/" + open + "/registrations", first.token(), "{\"kind\":\"DUKE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        api.post("/api/v1/meetings/999999999/registrations", first.token(), "").andExpect(status().isNotFound());
        assertThat(count("participant")).isEqualTo(participants + 1);
    }

    @Test
    void readsATimeWithoutOffsetInTheCitysZoneAndTakesARegistrationWithoutABody() throws Exception {
        String slug = series();
        String body = api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug + "\",\"number\":1,\"title\":\"本地时间\","
                + "\"startsAt\":\"2023-02-28T09:00:00\",\"venue\":\"会议室\",\"selfRegistration\":true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.startsAt").value("2023-02-28T09:00:00+08:00"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/meetings/" + id + "/registrations")
                .header("Authorization", "Bearer " + account("RAISER").token()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registration").value("CONFIRMED"))
                .andExpect(jsonPath("$.kind").value("OTHER"));
    }

    @Test
    void movesTheWaitingListUpWhenSomeoneCancels() throws Exception {
        long id = meeting(series(), 1, 1, true);
        Account first = account("RAISER");
        Account second = account("RAISER");
        Account third = account("RAISER");
        api.post("/api/v1/meetings/" + id + "/registrations", first.token(), "").andExpect(status().isCreated());
        api.post("/api/v1/meetings/" + id + "/registrations", second.token(), "{\"waitlist\":true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.registration").value("WAITLISTED"));
        api.post("/api/v1/meetings/" + id + "/registrations", third.token(), "{\"waitlist\":true}")
                .andExpect(jsonPath("$.registration").value("WAITLISTED"));
        api.get("/api/v1/meetings/" + id, admin).andExpect(jsonPath("$.waitlisted").value(2));

        api.mvc().perform(delete("/api/v1/meetings/" + id + "/registrations/mine")
                .header("Authorization", "Bearer " + first.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration").value("CANCELLED"));
        api.get("/api/v1/meetings/" + id + "/registrations/mine", second.token())
                .andExpect(jsonPath("$.registration").value("CONFIRMED"));
        api.get("/api/v1/meetings/" + id + "/registrations/mine", third.token())
                .andExpect(jsonPath("$.registration").value("WAITLISTED"));
        api.get("/api/v1/meetings/" + id, admin).andExpect(jsonPath("$.seatsTaken").value(1))
                .andExpect(jsonPath("$.waitlisted").value(1));
        AuditChain.awaitChained(jdbc);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'registration.promoted' AND entity_id = "
                + "(SELECT CAST(id AS VARCHAR(20)) FROM participant WHERE meeting_id = :m AND username = :u)")
                .param("m", id).param("u", second.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void holdsRegistrationsForApprovalWhereTheSeriesAsks() throws Exception {
        String slug = "s-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"需审核\",\"kind\":\"BREAKFAST\","
                + "\"approvalRequired\":true}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.approvalRequired").value(true));
        long id = meeting(slug, 1, 1, true);
        Account first = account("RAISER");
        Account second = account("RAISER");
        api.post("/api/v1/meetings/" + id + "/registrations", first.token(), "")
                .andExpect(jsonPath("$.registration").value("PENDING"));
        api.post("/api/v1/meetings/" + id + "/registrations", second.token(), "{\"waitlist\":true}")
                .andExpect(jsonPath("$.registration").value("WAITLISTED"));
        api.post("/api/v1/meetings/" + id + "/registrations/" + first.username() + "/approve", first.token(), "")
                .andExpect(status().isForbidden());
        api.post("/api/v1/meetings/" + id + "/registrations/" + first.username() + "/reject", admin, "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration").value("REJECTED"));
        api.post("/api/v1/meetings/" + id + "/registrations/" + first.username() + "/approve", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/meetings/" + id + "/registrations/" + second.username() + "/approve", admin, "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration").value("CONFIRMED"));
    }

    @Test
    void takesCheckInsOnlyFromTheConfiguredTimeBeforeTheStart() throws Exception {
        String slug = series();
        // The door opens two hours before the start (civicdesk.meetings.check-in-opens-before's default).
        long later = meetingAt(slug, 1, OffsetDateTime.now().plusHours(3));
        long soon = meetingAt(slug, 2, OffsetDateTime.now().plusHours(1));
        Account guest = account("RAISER");
        String code = JsonPath.read(api.post("/api/v1/meetings/" + later + "/registrations", guest.token(), "")
                .andExpect(jsonPath("$.registration").value("CONFIRMED")).andReturn().getResponse()
                .getContentAsString(), "$.code");
        long participants = count("participant");
        api.post("/api/v1/meetings/" + later + "/attendance", admin, "{\"code\":\"" + code + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CHECK_IN_NOT_OPEN"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        assertThat(count("participant")).isEqualTo(participants);
        api.get("/api/v1/meetings/" + later, admin).andExpect(jsonPath("$.attendances").value(0));
        // An organiser recording a name answers for it, whenever it is done.
        api.post("/api/v1/meetings/" + later + "/attendance", admin, "{\"username\":\"" + guest.username() + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.attendedAt").isString());
        String soonCode = JsonPath.read(api.post("/api/v1/meetings/" + soon + "/registrations", guest.token(), "")
                .andReturn().getResponse().getContentAsString(), "$.code");
        api.post("/api/v1/meetings/" + soon + "/attendance", admin, "{\"code\":\"" + soonCode + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.attendedAt").isString());
    }

    @Test
    void aCodeAdmitsItsHolderOnlyOnceTheRegistrationIsConfirmed() throws Exception {
        String slug = "s-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"需审核\",\"approvalRequired\":true}")
                .andExpect(status().isCreated());
        long id = meeting(slug, 1, null, true);
        Account pending = account("RAISER");
        String code = JsonPath.read(api.post("/api/v1/meetings/" + id + "/registrations", pending.token(), "")
                .andExpect(jsonPath("$.registration").value("PENDING")).andReturn().getResponse()
                .getContentAsString(), "$.code");
        api.get("/api/v1/meetings/" + id + "/registrations/mine/qr.svg", pending.token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REGISTRATION_NOT_CONFIRMED"));
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"code\":\"" + code + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REGISTRATION_NOT_CONFIRMED"));
        api.get("/api/v1/meetings/" + id, admin).andExpect(jsonPath("$.attendances").value(0));
        api.post("/api/v1/meetings/" + id + "/registrations/" + pending.username() + "/approve", admin, "")
                .andExpect(status().isOk());
        api.get("/api/v1/meetings/" + id + "/registrations/mine/qr.svg", pending.token())
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/svg+xml"));
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"code\":\"" + code + "\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void checksPeopleInByUsernameOrCodeOnce() throws Exception {
        long id = meeting(series(), 1, null, true);
        Account guest = account("RAISER");
        Account walkIn = account("RAISER");
        String code = JsonPath.read(api.post("/api/v1/meetings/" + id + "/registrations", guest.token(), "")
                .andReturn().getResponse().getContentAsString(), "$.code");
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"code\":\"" + code.toLowerCase() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(guest.username()))
                .andExpect(jsonPath("$.attendedAt").isString())
                .andExpect(jsonPath("$.code").doesNotExist());
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"username\":\"" + guest.username() + "\"}")
                .andExpect(status().isOk());
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"username\":\"" + walkIn.username() + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.role").value("ATTENDS"));
        long participants = count("participant");
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"code\":\"NOSUCHCD\"}").andExpect(status().isNotFound());
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{\"username\":\"nobody-" + Api.unique() + "\"}")
                .andExpect(status().isNotFound());
        api.post("/api/v1/meetings/" + id + "/attendance", admin, "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
        assertThat(count("participant")).isEqualTo(participants);
        api.get("/api/v1/meetings/" + id, admin).andExpect(jsonPath("$.attendances").value(2));
    }

    @Test
    void refusesChangesToDraftsAndClosedMeetingsAndKeepsThemUnchanged() throws Exception {
        String slug = series();
        long draft = Long.parseLong(JsonPath.read(api.post("/api/v1/meetings", admin, "{\"series\":\"" + slug
                + "\",\"number\":1,\"title\":\"草稿\",\"startsAt\":\"2023-02-27T09:00:00+08:00\",\"venue\":\"会议室\","
                + "\"selfRegistration\":true,\"status\":\"DRAFT\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id").toString());
        Account raiser = account("RAISER");
        api.get("/api/v1/meetings/" + draft, raiser.token()).andExpect(status().isNotFound());
        api.get("/api/v1/public/meetings/" + draft, null).andExpect(status().isNotFound());
        api.post("/api/v1/meetings/" + draft + "/attendance", admin, "{\"username\":\"" + raiser.username() + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MEETING_NOT_PUBLISHED"));
        api.post("/api/v1/meetings/" + draft + "/registrations", admin, "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REGISTRATION_CLOSED"));
        api.post("/api/v1/meetings/" + draft + "/close", admin, "{\"report\":\"x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        api.post("/api/v1/meetings/" + draft + "/publish", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        api.post("/api/v1/meetings/" + draft + "/publish", admin, "").andExpect(status().isConflict());
        api.post("/api/v1/meetings/" + draft + "/registrations", raiser.token(), "").andExpect(status().isCreated());
        api.post("/api/v1/meetings/" + draft + "/close", admin, "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("report"));
        api.post("/api/v1/meetings/" + draft + "/close", admin, "{\"report\":\"出席 0 人。\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.registrationOpen").value(false));
        long participants = count("participant");
        long agenda = count("agenda_item");
        api.post("/api/v1/meetings/" + draft + "/registrations", account("RAISER").token(), "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REGISTRATION_CLOSED"));
        api.post("/api/v1/meetings/" + draft + "/attendance", admin, "{\"username\":\"" + raiser.username() + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MEETING_CLOSED"));
        api.post("/api/v1/meetings/" + draft + "/invitations", admin, "{\"username\":\"" + raiser.username() + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MEETING_CLOSED"));
        api.post("/api/v1/meetings/" + draft + "/agenda", admin, "{\"kind\":\"OTHER\",\"title\":\"迟到的议程\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("MEETING_CLOSED"));
        api.mvc().perform(delete("/api/v1/meetings/" + draft + "/registrations/mine")
                .header("Authorization", "Bearer " + raiser.token())).andExpect(status().isConflict());
        assertThat(count("participant")).isEqualTo(participants);
        assertThat(count("agenda_item")).isEqualTo(agenda);
    }

    @Test
    void recordsAgendaDecisionsMinutesAndPeopleByRole() throws Exception {
        long id = meeting(series(), 10, null, false);
        long person = jdbc.sql("SELECT id FROM person WHERE name = '刘光跃'").query(Long.class).single();
        api.post("/api/v1/meetings/" + id + "/participants", admin, "{\"personId\":" + person
                + ",\"role\":\"HOST\",\"kind\":\"OFFICIAL\",\"attended\":true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("刘光跃"));
        api.post("/api/v1/meetings/" + id + "/participants", admin, "{\"personId\":" + person + ",\"role\":\"ATTENDS\"}")
                .andExpect(status().isConflict());
        api.post("/api/v1/meetings/" + id + "/participants", admin, "{\"role\":\"CHAIR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("personId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("role")));
        api.post("/api/v1/meetings/" + id + "/participants", admin, "{\"personId\":999999999,\"role\":\"ATTENDS\"}")
                .andExpect(status().isNotFound());
        String item = api.post("/api/v1/meetings/" + id + "/agenda", admin, "{\"kind\":\"PLAN_APPROVED\","
                + "\"title\":\"审查批准市本级2022年第二次预算调整方案\",\"documents\":[\"2022年市本级第二次预算调整方案(草案)\"]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.order").value(1))
                .andExpect(jsonPath("$.documents[0]").value("2022年市本级第二次预算调整方案(草案)"))
                .andReturn().getResponse().getContentAsString();
        int itemId = JsonPath.read(item, "$.id");
        api.post("/api/v1/meetings/" + id + "/agenda", admin, "{\"kind\":\"VOTE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        api.put("/api/v1/meetings/" + id + "/agenda/" + itemId + "/decision", admin, "{\"decision\":\"批准。\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("批准。"));
        api.put("/api/v1/meetings/" + id + "/agenda/999999999/decision", admin, "{\"decision\":\"批准。\"}")
                .andExpect(status().isNotFound());
        api.put("/api/v1/meetings/" + id + "/minutes", admin, "{\"minutes\":\"会议纪要\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.minutes").value("会议纪要"));
        api.get("/api/v1/meetings/" + id + "/agenda", admin).andExpect(jsonPath("$[0].kind").value("PLAN_APPROVED"));
        api.get("/api/v1/public/meetings/" + id, null)
                .andExpect(jsonPath("$.agenda[0].decision").value("批准。"))
                .andExpect(jsonPath("$.attended[0].name").value("刘光跃"))
                .andExpect(jsonPath("$.attended[0].username").doesNotExist());
        AuditChain.awaitChained(jdbc);
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'agenda_item' AND entity_id = :id ORDER BY seq")
                .param("id", Integer.toString(itemId)).query(String.class).list())
                .containsExactly("agenda.added", "agenda.decided");
    }

    @Test
    void remindsOrganisersOfMeetingsThatAreOverButNotClosed() throws Exception {
        long past = meeting(series(), 1, null, false);
        api.get("/api/v1/meetings/reminders", admin).andExpect(jsonPath("$[*].id", hasItem((int) past)));
        api.post("/api/v1/meetings/" + past + "/close", admin, "{\"report\":\"已结束\"}").andExpect(status().isOk());
        api.get("/api/v1/meetings/reminders", admin).andExpect(jsonPath("$[*].id", not(hasItem((int) past))));
        api.get("/api/v1/meetings/reminders", account("RAISER").token()).andExpect(status().isForbidden());
    }

    @Test
    void neverSeatsMoreThanTheCapacityUnderFiftyConcurrentRegistrations() throws Exception {
        long id = meeting(series(), 1, 10, true);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(account("RAISER").token());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String token : tokens) {
            Callable<Integer> register = () -> {
                start.await();
                return api.post("/api/v1/meetings/" + id + "/registrations", token, "").andReturn().getResponse()
                        .getStatus();
            };
            answers.add(pool.submit(register));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM participant WHERE meeting_id = :m AND registration = 'CONFIRMED'")
                .param("m", id).query(Long.class).single()).isEqualTo(10);
        assertThat(count("participant WHERE meeting_id = " + id)).isEqualTo(10);
    }

    @Test
    void aKeyedRegistrationIsAnsweredAgainAsItWasFirstAndBelongsToTheAccountThatSentIt() throws Exception {
        String slug = series();
        long id = meeting(slug, 1, 5, true);
        String path = "/api/v1/meetings/" + id + "/registrations";
        Account caller = account("RAISER");
        Account other = account("RAISER");
        String key = "reg-" + Api.unique();
        String first = api.postKeyed(path, caller.token(), key, "{\"kind\":\"EXPERT\"}")
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "false"))
                .andReturn().getResponse().getContentAsString();
        long participants = count("participant WHERE meeting_id = " + id);

        api.postKeyed(path, caller.token(), key, "{ \"kind\" : \"EXPERT\" }").andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value((Integer) JsonPath.read(first, "$.id")))
                .andExpect(jsonPath("$.code").value((String) JsonPath.read(first, "$.code")));
        api.postKeyed(path, caller.token(), key, "{\"kind\":\"OFFICIAL\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        api.postKeyed("/api/v1/meetings/" + meeting(slug, 2, 5, true) + "/registrations", caller.token(), key,
                "{\"kind\":\"EXPERT\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(count("participant WHERE meeting_id = " + id)).isEqualTo(participants);
        api.get("/api/v1/meetings/" + id + "/registrations/mine", caller.token())
                .andExpect(jsonPath("$.kind").value("EXPERT"));

        api.postKeyed(path, other.token(), key, "{\"kind\":\"EXPERT\"}").andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.username").value(other.username()));
        assertThat(count("participant WHERE meeting_id = " + id)).isEqualTo(participants + 1);
    }

    @Test
    void aKeyedRepeatOfARegistrationMadeBeforeIsAnsweredAgainWith200() throws Exception {
        long id = meeting(series(), 1, 5, true);
        String path = "/api/v1/meetings/" + id + "/registrations";
        Account caller = account("RAISER");
        api.post(path, caller.token(), "").andExpect(status().isCreated());
        String key = "reg-" + Api.unique();
        api.postKeyed(path, caller.token(), key, "").andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "false"));
        api.postKeyed(path, caller.token(), key, "").andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"));
        api.post(path, caller.token(), "").andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    @Test
    void aBurstOfOneKeyRegistersOnceAndAnswersEveryRequestAsTheFirst() throws Exception {
        long id = meeting(series(), 1, 5, true);
        Account caller = account("RAISER");
        List<MockHttpServletResponse> answers = api.keyedBurst("/api/v1/meetings/" + id + "/registrations",
                caller.token(), "burst-" + Api.unique(), "", 24);
        Api.assertAnsweredAsOne(answers);
        assertThat(count("participant WHERE meeting_id = " + id)).isEqualTo(1);
    }

    private String series() throws Exception {
        String slug = "s-" + Api.unique();
        api.post("/api/v1/series", admin, "{\"slug\":\"" + slug + "\",\"name\":\"测试系列\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value(slug));
        return slug;
    }

    private long meeting(String slug, int number, Integer capacity, boolean selfRegistration) throws Exception {
        String body = api.post("/api/v1/meetings", admin, meetingJson(slug, number, capacity, selfRegistration))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long meetingAt(String slug, int number, OffsetDateTime startsAt) throws Exception {
        String body = api.post("/api/v1/meetings", admin, meetingJson(slug, number, null, true)
                .replace("2023-02-27T09:00:00+08:00", startsAt.truncatedTo(ChronoUnit.SECONDS).toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    static String meetingJson(String slug, int number, Integer capacity, boolean selfRegistration) {
        return "{\"series\":\"" + slug + "\",\"number\":" + number + ",\"title\":\"第" + number + "次会议\","
                + "\"startsAt\":\"2023-02-27T09:00:00+08:00\",\"venue\":\"市人大常委会会议室\""
                + (capacity == null ? "" : ",\"capacity\":" + capacity) + ",\"selfRegistration\":" + selfRegistration + "}";
    }

    private Account account(String role) throws Exception {
        String username = "m-" + Api.unique();
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\","
                + "\"displayName\":\"与会者 " + username + "\",\"roles\":[\"" + role + "\"]}")
                .andExpect(status().isCreated());
        return new Account(username, api.token(username, "secret-pass-1"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
