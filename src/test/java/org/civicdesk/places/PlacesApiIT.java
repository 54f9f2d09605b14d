package org.civicdesk.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.Api.Account;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import com.jayway.jsonpath.JsonPath;

/** The places part of the API contract: places, bookings, confirmation within capacity, honours, and every refusal. */
@IntegrationTest
class PlacesApiIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = api.adminToken();
    }

    @Test
    void recordsAPlaceAndShowsItOnThePublicMap() throws Exception {
        Account manager = api.account("PLACE_MANAGER", null);
        String name = "测试教学点 " + Api.unique();
        String body = api.post("/api/v1/places", admin, placeJson(name, 60, manager.username()))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        api.get("/api/v1/public/places?kind=TEACHING_POINT&level=COUNTY", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].name").value(hasItem(name)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].district").value(hasItem("天元区")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].lat").value(hasItem(27.826)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].lon").value(hasItem(113.082)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].kind").value(hasItem("TEACHING_POINT")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].level").value(hasItem("COUNTY")));
        api.get("/api/v1/public/places?kind=TRAINING_BASE", null)
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        api.get("/api/v1/public/places?kind=CASTLE", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));

        api.put("/api/v1/places/" + id, admin, placeJson(name, 80, manager.username())).andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").value(80));
        api.post("/api/v1/places/" + id + "/courses", manager.token(), "{\"title\":\"红色家风\",\"description\":\"讲解\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.title").value("红色家风"));
        api.post("/api/v1/places/" + id + "/courses", api.account("PLACE_MANAGER", null).token(), "{\"title\":\"别人的课\"}")
                .andExpect(status().isForbidden());
        String publicPlace = api.get("/api/v1/public/places/" + id, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").value(80)).andExpect(jsonPath("$.manager").doesNotExist())
                .andExpect(jsonPath("$.courses[*].title", containsInAnyOrder("红色家风")))
                .andReturn().getResponse().getContentAsString();
        assertThat(publicPlace).as("the public never learns the manager's account").doesNotContain(manager.username());
        api.get("/api/v1/places/" + id, api.tokenFor("RAISER", null)).andExpect(status().isForbidden());
        api.get("/api/v1/places/" + id, admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.manager").value(manager.username()));
        api.get("/v3/api-docs", null)
                .andExpect(jsonPath("$.paths['/api/v1/places'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/places'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/places/{id}/bookings'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/bookings/{id}/confirm'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/honours'].get").exists());
    }

    @Test
    void refusesBadPlacesNamingEachFieldAndWritesNothing() throws Exception {
        String raiser = api.account("RAISER", null).username();
        long places = count("place");
        AuditChain.awaitChained(jdbc);
        long audit = count("audit_entry");
        api.post("/api/v1/places", admin, "{\"name\":\" \",\"kind\":\"CASTLE\",\"level\":\"GALACTIC\",\"lat\":91,"
                + "\"lon\":-180.5,\"capacity\":0,\"manager\":\"nobody-" + Api.unique() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "kind", "level", "district", "lat",
                        "lon", "capacity", "manager")));
        api.post("/api/v1/places", admin, placeJson("不是管理员 " + Api.unique(), 10, raiser))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("manager"));
        String name = "重名 " + Api.unique();
        place(name, 10, null);
        api.post("/api/v1/places", admin, placeJson(name, 10, null)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DUPLICATE"));
        assertThat(count("place")).isEqualTo(places + 1);
        AuditChain.awaitChained(jdbc);
        assertThat(count("audit_entry")).isEqualTo(audit + 1);
    }

    @Test
    void letsOnlyAdministratorsRecordPlaces() throws Exception {
        long places = count("place");
        api.post("/api/v1/places", null, placeJson("匿名 " + Api.unique(), 10, null)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        api.post("/api/v1/places", api.account("PLACE_MANAGER", null).token(), placeJson("越权 " + Api.unique(), 10, null))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        api.put("/api/v1/places/999999999", admin, placeJson("无 " + Api.unique(), 10, null))
                .andExpect(status().isNotFound());
        api.get("/api/v1/public/places/999999999", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        assertThat(count("place")).isEqualTo(places);
    }

    @Test
    void anOrganisationBooksAndTheManagerConfirmsWithinCapacity() throws Exception {
        Account manager = api.account("PLACE_MANAGER", null);
        long place = place("容量测试 " + Api.unique(), 10, manager.username());
        Account org = api.account("RAISER", "ZZ-JINXIU");
        LocalDate day = TODAY.plusDays(10);
        long first = book(place, org.token(), day, "09:00", "11:00", 6);
        api.get("/api/v1/bookings/" + first, org.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.orgCode").value("ZZ-JINXIU")).andExpect(jsonPath("$.status").value("REQUESTED"));
        long overlapping = book(place, api.account("RAISER", "ZZ-WENHUA").token(), day, "10:00", "12:00", 5);
        long later = book(place, org.token(), day, "11:00", "12:00", 5);
        long otherDay = book(place, org.token(), day.plusDays(1), "09:00", "11:00", 10);
        api.get("/api/v1/bookings/queue", manager.token()).andExpect(jsonPath("$[*].id",
                containsInAnyOrder((int) first, (int) overlapping, (int) later, (int) otherDay)));

        api.post("/api/v1/bookings/" + first + "/confirm", org.token(), "").andExpect(status().isForbidden());
        api.post("/api/v1/bookings/" + first + "/confirm", api.account("PLACE_MANAGER", null).token(), "")
                .andExpect(status().isForbidden());
        api.post("/api/v1/bookings/" + first + "/confirm", null, "").andExpect(status().isUnauthorized());
        api.post("/api/v1/bookings/999999999/confirm", manager.token(), "").andExpect(status().isNotFound());
        api.post("/api/v1/bookings/" + first + "/confirm", manager.token(), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));

        AuditChain.awaitChained(jdbc);
        long audit = count("audit_entry");
        api.post("/api/v1/bookings/" + overlapping + "/confirm", admin, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CAPACITY_EXCEEDED"));
        api.get("/api/v1/bookings/" + overlapping, manager.token()).andExpect(jsonPath("$.status").value("REQUESTED"));
        AuditChain.awaitChained(jdbc);
        assertThat(count("audit_entry")).isEqualTo(audit);

        api.post("/api/v1/bookings/" + later + "/confirm", manager.token(), "").andExpect(status().isOk());
        api.post("/api/v1/bookings/" + otherDay + "/confirm", admin, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        api.post("/api/v1/bookings/" + later + "/confirm", manager.token(), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));

        api.post("/api/v1/bookings/" + overlapping + "/decline", manager.token(), "{\"reason\":\"时段已满\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.reason").value("时段已满"));
        api.post("/api/v1/bookings/" + first + "/cancel", api.account("RAISER", "ZZ-JINXIU").token(), "")
                .andExpect(status().isForbidden());
        api.post("/api/v1/bookings/" + first + "/cancel", org.token(), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        api.get("/api/v1/bookings/mine", org.token()).andExpect(jsonPath("$[*].id",
                containsInAnyOrder((int) first, (int) later, (int) otherDay)));
        api.get("/api/v1/bookings/" + first, api.account("RAISER", "ZZ-WENHUA").token()).andExpect(status().isNotFound());
    }

    @Test
    void refusesBadBookingsNamingEachFieldAndWritesNothing() throws Exception {
        long place = place("拒绝测试 " + Api.unique(), 20, null);
        String org = api.account("RAISER", "ZZ-XISHUI").token();
        long bookings = count("booking");
        api.post("/api/v1/places/" + place + "/bookings", org, bookingJson(TODAY.minusDays(1), "11:00", "09:00", 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("date", "endTime", "groupSize")));
        api.post("/api/v1/places/" + place + "/bookings", org, bookingJson(TODAY.plusDays(3), "09:00", "10:00", 21))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("groupSize"));
        api.post("/api/v1/places/" + place + "/bookings", org, "{\"date\":\"soon\",\"startTime\":\"9am\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("date", "startTime", "endTime", "groupSize",
                        "topic")));
        api.post("/api/v1/places/" + place + "/bookings", api.account("RAISER", null).token(),
                bookingJson(TODAY.plusDays(3), "09:00", "10:00", 5)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("org"));
        api.post("/api/v1/places/" + place + "/bookings", null, bookingJson(TODAY.plusDays(3), "09:00", "10:00", 5))
                .andExpect(status().isUnauthorized());
        api.post("/api/v1/places/999999999/bookings", org, bookingJson(TODAY.plusDays(3), "09:00", "10:00", 5))
                .andExpect(status().isNotFound());
        assertThat(count("booking")).isEqualTo(bookings);
    }

    @Test
    void theRequesterGivesFeedbackOnlyAfterAConfirmedVisit() throws Exception {
        long place = place("反馈测试 " + Api.unique(), 20, null);
        Account org = api.account("RAISER", "ZZ-LONGXING");
        long id = book(place, org.token(), TODAY.plusDays(2), "14:00", "16:00", 12);
        api.post("/api/v1/bookings/" + id + "/feedback", org.token(), "{\"feedback\":\"很好\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("VISIT_NOT_HELD"));
        api.post("/api/v1/bookings/" + id + "/confirm", admin, "").andExpect(status().isOk());
        jdbc.sql("UPDATE booking SET visit_date = :d WHERE id = :id").param("d", TODAY.minusDays(1)).param("id", id)
                .update();
        api.post("/api/v1/bookings/" + id + "/feedback", admin, "{\"feedback\":\"很好\"}").andExpect(status().isForbidden());
        api.post("/api/v1/bookings/" + id + "/feedback", org.token(), "{\"feedback\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("feedback"));
        api.post("/api/v1/bookings/" + id + "/feedback", org.token(), "{\"feedback\":\"讲解生动，收获很大。\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.feedback").value("讲解生动，收获很大。"));
    }

    @Test
    void recordsHonoursAndListsThemPublicly() throws Exception {
        api.post("/api/v1/honours", admin, "{\"title\":\"测试荣誉\",\"awardingBody\":\"株洲市民政局\",\"awardedOn\":\"2023-03-01\","
                + "\"level\":\"MUNICIPAL\",\"orgCode\":\"ZZ-JINXIU\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgName").value("芦淞区庆云街道锦绣社区"));
        api.post("/api/v1/honours", admin, "{\"awardedOn\":\"March\",\"level\":\"COSMIC\",\"orgCode\":\"NO-SUCH\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("title", "awardingBody", "awardedOn", "level", "orgCode")));
        api.post("/api/v1/honours", api.account("RAISER", null).token(), "{}").andExpect(status().isForbidden());
        api.get("/api/v1/public/honours", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", hasItem("测试荣誉")));
    }

    @Test
    void aKeyedBookingIsMadeOnceAndTheKeyBelongsToTheAccountThatSentIt() throws Exception {
        long place = place("幂等测试 " + Api.unique(), 30, null);
        String path = "/api/v1/places/" + place + "/bookings";
        Account org = api.account("RAISER", "ZZ-JINXIU");
        Account other = api.account("RAISER", "ZZ-JINXIU");
        String key = "book-" + Api.unique();
        String body = bookingJson(TODAY.plusDays(5), "09:00", "10:00", 8);
        String first = api.postKeyed(path, org.token(), key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse()
                .getContentAsString();
        int id = JsonPath.read(first, "$.id");

        api.postKeyed(path, org.token(), key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", "/api/v1/bookings/" + id))
                .andExpect(jsonPath("$.id").value(id));
        api.postKeyed(path, org.token(), key, bookingJson(TODAY.plusDays(5), "09:00", "10:00", 9))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(count("booking WHERE place_id = " + place)).isEqualTo(1);

        api.postKeyed(path, other.token(), key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.id").value(not(id)));
        assertThat(count("booking WHERE place_id = " + place)).isEqualTo(2);
        api.post(path, org.token(), body).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(count("booking WHERE place_id = " + place)).isEqualTo(3);
    }

    @Test
    void refusesAKeyLongerThan200CharactersNamingTheHeader() throws Exception {
        long place = place("长键测试 " + Api.unique(), 30, null);
        api.postKeyed("/api/v1/places/" + place + "/bookings", api.account("RAISER", "ZZ-JINXIU").token(),
                "k".repeat(201), bookingJson(TODAY.plusDays(5), "09:00", "10:00", 8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(count("booking WHERE place_id = " + place)).isZero();
    }

    @Test
    void aBurstOfOneKeyBooksOnceAndAnswersEveryRequestAsTheFirst() throws Exception {
        long place = place("并发幂等 " + Api.unique(), 30, null);
        List<MockHttpServletResponse> answers = api.keyedBurst("/api/v1/places/" + place + "/bookings",
                api.account("RAISER", "ZZ-JINXIU").token(), "burst-" + Api.unique(),
                bookingJson(TODAY.plusDays(6), "14:00", "15:00", 10), 24);
        Api.assertAnsweredAsOne(answers);
        assertThat(count("booking WHERE place_id = " + place)).isEqualTo(1);
    }

    // --- helpers

    static String placeJson(String name, int capacity, String manager) {
        return "{\"name\":\"" + name + "\",\"kind\":\"TEACHING_POINT\",\"level\":\"COUNTY\",\"district\":\"天元区\","
                + "\"lat\":27.826,\"lon\":113.082,\"capacity\":" + capacity
                + (manager == null ? "" : ",\"manager\":\"" + manager + "\"") + "}";
    }

    private long place(String name, int capacity, String manager) throws Exception {
        String body = api.post("/api/v1/places", admin, placeJson(name, capacity, manager))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    static String bookingJson(LocalDate date, String start, String end, int size) {
        return "{\"date\":\"" + date + "\",\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\",\"groupSize\":"
                + size + ",\"topic\":\"主题党日\"}";
    }

    private long book(long place, String token, LocalDate date, String start, String end, int size) throws Exception {
        String body = api.post("/api/v1/places/" + place + "/bookings", token, bookingJson(date, start, end, size))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
