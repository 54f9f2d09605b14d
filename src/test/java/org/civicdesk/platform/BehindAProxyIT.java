package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Behind a reverse proxy on a private or loopback address (as the test's own requests come from), a
 * request that reached the proxy over HTTPS is treated as secure, and the client's address is the one
 * the proxy names. What names the site in a calendar comes from the settings, never from a request.
 */
@RunningServerTest
class BehindAProxyIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestTheProxyReceivedOverHttpsGetsHstsAndASecureSessionCookie() throws Exception {
        HttpResponse<String> viaHttps = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.50"));
        assertThat(viaHttps.statusCode()).isEqualTo(200);
        assertThat(viaHttps.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
        assertThat(viaHttps.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));

        HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void signInIsThrottledByTheAddressTheProxyNames() throws Exception {
        String username = "t-" + Api.unique();
        api.post("/api/v1/accounts", api.adminToken(), "{\"username\":\"" + username
                + "\",\"password\":\"secret-pass-1\",\"displayName\":\"Test\",\"roles\":[\"RAISER\"]}")
                .andExpect(status().isCreated());
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(username, "wrong-password", "203.0.113.51").statusCode()).isEqualTo(401);
        }
        assertThat(signIn(username, "secret-pass-1", "203.0.113.51").statusCode()).isEqualTo(429);
        assertThat(signIn(username, "secret-pass-1", "198.51.100.52").statusCode()).isEqualTo(200);
    }

    @Test
    void theCalendarNamesEventsByTheConfiguredHostWhateverHostTheRequestNames() throws Exception {
        String feed = api.mvc().perform(get("http://forged.example/api/v1/public/series/breakfast/calendar.ics"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<VEvent> events = new CalendarBuilder().build(new StringReader(feed)).getComponents("VEVENT");
        assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.getUid().orElseThrow().getValue())
                .endsWith("@localhost"));
        assertThat(feed).doesNotContain("forged.example");
    }

    private HttpResponse<String> signIn(String username, String password, String client) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
