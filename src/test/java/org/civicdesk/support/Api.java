package org.civicdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** Calls the JSON API as another city system would: with a bearer token from /api/v1/auth/token. */
@TestComponent
public class Api {

    public static final String ADMIN_PASSWORD = "admin-test-password";

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public MockMvc mvc() {
        return mvc;
    }

    public String token(String username, String password) throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    public String adminToken() throws Exception {
        return token("admin", ADMIN_PASSWORD);
    }

    /** An account made for a test, and the token it signs in with. */
    public record Account(String username, String token) {
    }

    /** Creates an account with the given role (and org, for a handler or an organisation's member) and signs it in. */
    public Account account(String role, String orgCode) throws Exception {
        String username = "u-" + unique();
        String org = orgCode == null ? "" : ",\"orgCode\":\"" + orgCode + "\"";
        post("/api/v1/accounts", adminToken(), "{\"username\":\"" + username
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"Test\",\"roles\":[\"" + role + "\"]" + org + "}")
                .andReturn();
        return new Account(username, token(username, "secret-pass-1"));
    }

    /** Creates an account with the given role (and org, for a handler) and returns its token. */
    public String tokenFor(String role, String orgCode) throws Exception {
        return account(role, orgCode).token();
    }

    public ResultActions post(String path, String token, String json) throws Exception {
        return mvc.perform(auth(MockMvcRequestBuilders.post(path), token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A POST with an {@code Idempotency-Key} header, as a client that may have to send it again. */
    public ResultActions postKeyed(String path, String token, String key, String json) throws Exception {
        return mvc.perform(auth(MockMvcRequestBuilders.post(path), token).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** The same keyed POST sent {@code times} times at once, as retries racing each other; the answers in order. */
    public List<MockHttpServletResponse> keyedBurst(String path, String token, String key, String json, int times)
            throws Exception {
        List<Callable<MockHttpServletResponse>> requests = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            requests.add(() -> postKeyed(path, token, key, json).andReturn().getResponse());
        }
        return Concurrently.answers(requests);
    }

    /**
     * Asserts that a burst of one key was answered as one request: every answer is 201 with the same
     * id, and only one of them is not a replay.
     */
    public static void assertAnsweredAsOne(List<MockHttpServletResponse> answers) throws Exception {
        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        assertThat(answers).extracting(a -> a.getHeader("Idempotent-Replayed")).containsOnlyOnce("false")
                .containsOnly("false", "true");
        assertThat(answers).extracting(a -> JsonPath.read(a.getContentAsString(), "$.id"))
                .containsOnly((Object) JsonPath.read(answers.get(0).getContentAsString(), "$.id"));
    }

    public ResultActions put(String path, String token, String json) throws Exception {
        return mvc.perform(auth(MockMvcRequestBuilders.put(path), token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public ResultActions delete(String path, String token) throws Exception {
        return mvc.perform(auth(MockMvcRequestBuilders.delete(path), token));
    }

    public ResultActions get(String path, String token) throws Exception {
        return mvc.perform(auth(MockMvcRequestBuilders.get(path), token));
    }

    private static MockHttpServletRequestBuilder auth(MockHttpServletRequestBuilder request, String token) {
        return token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
