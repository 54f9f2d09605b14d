package org.civicdesk.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.civicdesk.support.Api;
import org.civicdesk.support.Api.Account;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/**
 * Managers confirming overlapping bookings at the same moment never put more people in a place
 * than it holds: each confirmation locks the place, so they are counted one after the other.
 */
@IntegrationTest
class PlacesConcurrencyIT {

    private static final int CAPACITY = 10;
    private static final int BOOKINGS = 8;
    private static final int GROUP = 3;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void confirmationsAtTheSameMomentNeverExceedTheCapacity() throws Exception {
        String admin = api.adminToken();
        Account manager = api.account("PLACE_MANAGER", null);
        String org = api.tokenFor("RAISER", "ZZ-HUANGTIAN");
        LocalDate day = PlacesApiIT.TODAY.plusDays(20);
        for (int round = 0; round < 3; round++) {
            String body = api.post("/api/v1/places", admin,
                    PlacesApiIT.placeJson("并发测试 " + Api.unique(), CAPACITY, manager.username()))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long place = ((Number) JsonPath.read(body, "$.id")).longValue();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                // Every booking overlaps every other at 10:00-10:30, though none has the same hours.
                String start = "%02d:%02d".formatted(9, i * 5);
                String created = api.post("/api/v1/places/" + place + "/bookings", org,
                        PlacesApiIT.bookingJson(day, start, "11:00", GROUP)).andExpect(status().isCreated())
                        .andReturn().getResponse().getContentAsString();
                ids.add(((Number) JsonPath.read(created, "$.id")).longValue());
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(BOOKINGS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                String token = i % 2 == 0 ? admin : manager.token();
                long id = ids.get(i);
                Callable<Integer> confirm = () -> {
                    start.await();
                    return api.post("/api/v1/bookings/" + id + "/confirm", token, "").andReturn().getResponse()
                            .getStatus();
                };
                results.add(pool.submit(confirm));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(CAPACITY / GROUP);
            int confirmed = jdbc.sql("SELECT COALESCE(SUM(group_size), 0) FROM booking WHERE place_id = :p "
                    + "AND status = 'CONFIRMED'").param("p", place).query(Integer.class).single();
            assertThat(confirmed).isEqualTo(CAPACITY / GROUP * GROUP).isLessThanOrEqualTo(CAPACITY);
        }
    }
}
