package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.civicdesk.support.Api;
import org.civicdesk.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

/**
 * Every error of the API has the contract's shape, also those that no controller answers: checked over
 * real HTTP, because MockMvc skips Tomcat, which refuses some addresses itself.
 */
@RunningServerTest
class ErrorShapeIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    String token;

    @BeforeEach
    void signIn() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                        + Api.ADMIN_PASSWORD + "\"}")));
        token = JsonPath.read(answer.body(), "$.token");
    }

    @Test
    void anUnknownApiAddressIsAProblem() throws Exception {
        assertProblem(send(authorised("/api/v1/no-such-thing").GET()), 404, "NOT_FOUND");
        assertProblem(send(authorised("/api/v2/orgs").GET()), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIsAProblem() throws Exception {
        HttpResponse<String> answer = send(authorised("/api/v1/orgs").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.headers().firstValue("Allow")).isPresent();
    }

    @Test
    void aWrongMediaTypeIsAProblem() throws Exception {
        assertProblem(send(authorised("/api/v1/orgs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("code=X"))), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/public/places")).header("Accept", "application/xml")
                .GET()), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblem() throws Exception {
        for (String path : new String[] { "/api/v1/public/places;x=1", "/api/v1/public/places%00",
                "/api/v1/public%2Fplaces", "/api/v1/public/places%3Bx", "/api/v1/public/%2e%2e/orgs" }) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(problemJson());
            assertThat((String) JsonPath.read(answer.body(), "$.code")).as(path).isNotBlank();
            assertThat((Integer) JsonPath.read(answer.body(), "$.status")).as(path).isEqualTo(400);
        }
    }

    /**
     * Tomcat lets a header value carry bytes above 0x7F, which the firewall refuses only when the
     * application reads the header: the refusal must still be a problem, not an internal error.
     */
    @Test
    void aHeaderTheFirewallRefusesIsAProblem() throws Exception {
        for (String request : new String[] {
                "GET /api/v1/public/places HTTP/1.1\r\nHost: x\r\nAccept-Language: zh\u0085\r\nConnection: close\r\n\r\n",
                "GET /api/v1/orgs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                        + "\u0085\r\nConnection: close\r\n\r\n",
                "POST /api/v1/public/calls/no-such-call/applications HTTP/1.1\r\nHost: x"
                        + "\r\nIdempotency-Key: k\u0085\r\nContent-Type: application/json\r\nContent-Length: 2"
                        + "\r\nConnection: close\r\n\r\n{}" }) {
            String answer = raw(request);
            assertThat(answer).as(request).startsWith("HTTP/1.1 400");
            assertThat(answer).as(request).contains("application/problem+json").contains("\"code\":\"REQUEST_REJECTED\"");
        }
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pagesKeepTheErrorPage() throws Exception {
        for (String path : new String[] { "/no-such-page", "/public/no-such-page" }) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
            assertThat(answer.statusCode()).as(path).isIn(404, 302);
        }
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/public/no-such-page"))
                .header("Accept", "text/html").GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(missing.body()).contains("data-error-page");
        for (String path : new String[] { "/public;x=1", "/public%2Fplaces" }) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).contains("data-error-page");
        }
        HttpResponse<String> nul = send(HttpRequest.newBuilder(uri("/public%00")).header("Accept", "text/html").GET());
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    private void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(problemJson());
        assertThat((Integer) JsonPath.read(answer.body(), "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(answer.body(), "$.title")).isNotBlank();
        assertThat((String) JsonPath.read(answer.body(), "$.detail")).isNotBlank();
        assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo(code);
    }

    private static java.util.function.Consumer<String> problemJson() {
        return type -> assertThat(type).startsWith("application/problem+json");
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
