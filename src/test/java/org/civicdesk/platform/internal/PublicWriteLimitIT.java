package org.civicdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.civicdesk.support.Api;
import org.civicdesk.support.Concurrently;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/**
 * The per-address limit on public writes, counted in the database: two nodes (two instances of the
 * filter on the one database) share each address's bucket, a crowd of simultaneous writes takes no
 * more than the limit, and the running application refuses with 429 problem+json.
 */
@IntegrationTest
class PublicWriteLimitIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    ProblemWriter problems;

    @Autowired
    Api api;

    private final AtomicInteger passed = new AtomicInteger();

    @Test
    void twoNodesShareOneBucketPerAddressAndRefuseWithRetryAfter() throws Exception {
        PublicWriteLimit nodeA = node(3);
        PublicWriteLimit nodeB = node(3);
        String address = address();

        assertThat(write(nodeA, "POST", "/api/v1/public/calls/c/applications", address).getStatus()).isEqualTo(200);
        assertThat(write(nodeB, "POST", "/public/calls/c/apply", address).getStatus()).isEqualTo(200);
        assertThat(write(nodeA, "PUT", "/api/v1/public/anything", address).getStatus()).isEqualTo(200);
        assertThat(passed).hasValue(3);

        MockHttpServletResponse refused = write(nodeB, "POST", "/api/v1/public/calls/c/applications", address);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat((String) JsonPath.read(refused.getContentAsString(), "$.code")).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(write(nodeA, "DELETE", "/api/v1/public/x", address).getStatus()).isEqualTo(429);
        assertThat(passed).as("a refused write never reaches the application").hasValue(3);

        assertThat(write(nodeA, "GET", "/api/v1/public/calls", address).getStatus()).as("reading is not limited")
                .isEqualTo(200);
        assertThat(write(nodeA, "POST", "/api/v1/matters", address).getStatus())
                .as("signed-in writes are not public writes").isEqualTo(200);
        assertThat(write(nodeB, "POST", "/api/v1/public/calls/c/applications", address()).getStatus())
                .as("another address has its own bucket").isEqualTo(200);
    }

    @Test
    void aCrowdOfSimultaneousWritesFromOneAddressTakesNoMoreThanTheLimit() throws Exception {
        PublicWriteLimit nodeA = node(5);
        PublicWriteLimit nodeB = node(5);
        String address = address();
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            PublicWriteLimit node = i % 2 == 0 ? nodeA : nodeB;
            writes.add(() -> write(node, "POST", "/api/v1/public/calls/c/applications", address).getStatus());
        }
        List<Integer> statuses = Concurrently.statuses(writes);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(19);
    }

    /** The filter the application runs takes the bucket a node already keeps for the address, limit included. */
    @Test
    void theRunningApplicationAnswers429OnceTheAddressHasUsedItsWrites() throws Exception {
        String address = address();
        write(node(1), "POST", "/api/v1/public/calls/c/applications", address);
        api.mvc().perform(MockMvcRequestBuilders.post("/api/v1/public/calls/no-such-call/applications")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"))
                .andExpect(jsonPath("$.status").value(429));
    }

    private PublicWriteLimit node(long writes) {
        return new PublicWriteLimit(dataSource, new PublicWriteLimit.Settings(writes, Duration.ofHours(1)), problems);
    }

    private MockHttpServletResponse write(PublicWriteLimit node, String method, String path, String address)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        node.doFilter(request, response, (req, res) -> passed.incrementAndGet());
        return response;
    }

    /** An address of the documentation range no other test writes from. */
    private static String address() {
        String unique = Api.unique();
        return "2001:db8::" + unique.substring(0, 4) + ":" + unique.substring(4);
    }
}
