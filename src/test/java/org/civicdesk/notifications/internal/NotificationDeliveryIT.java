package org.civicdesk.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.civicdesk.directory.AccountContact;
import org.civicdesk.notifications.Channel;
import org.civicdesk.notifications.Outbox;
import org.civicdesk.support.Api;
import org.civicdesk.support.Eventually;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.civicdesk.support.MutableClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

/**
 * The outbox leaves the app: e-mail through a real SMTP server (GreenMail) and SMS through the
 * Alibaba Cloud adapter against a local stand-in for its API, after the change commits, once, and
 * again after a failure until the give-up limit.
 */
@IntegrationTest
@Import(MutableClockConfiguration.class)
class NotificationDeliveryIT {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    /** The stand-in for Alibaba Cloud SMS: records each request's form and answers as told per number. */
    private static final HttpServer sms = smsStub();
    private static final List<Map<String, String>> smsRequests = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("civicdesk.notifications.site-url", () -> "https://civicdesk.example.cn");
        registry.add("civicdesk.notifications.mail-from", () -> "notify@civicdesk.example.cn");
        registry.add("civicdesk.notifications.delivery.every", () -> "PT0.1S");
        registry.add("civicdesk.notifications.delivery.first-retry", () -> "PT1M");
        registry.add("civicdesk.notifications.delivery.max-attempts", () -> 3);
        registry.add("civicdesk.notifications.sms.provider", () -> "ALIYUN");
        registry.add("civicdesk.notifications.sms.aliyun.endpoint",
                () -> "http://127.0.0.1:" + sms.getAddress().getPort() + "/");
        registry.add("civicdesk.notifications.sms.aliyun.access-key-id", () -> "test-key-id");
        registry.add("civicdesk.notifications.sms.aliyun.access-key-secret", () -> "test-key-secret");
        registry.add("civicdesk.notifications.sms.aliyun.sign-name", () -> "株洲人大");
        registry.add("civicdesk.notifications.sms.aliyun.template-code", () -> "SMS_000001");
    }

    @Autowired
    Api api;

    @Autowired
    Outbox outbox;

    @Autowired
    Deliverer deliverer;

    @Autowired
    Preferences preferences;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void now() {
        clock.set(Instant.now().atOffset(ZoneOffset.UTC).toString());
    }

    @AfterAll
    static void stopSms() {
        sms.stop(0);
    }

    @Test
    void aRaiserWhoChoseEmailGetsOneWhenTheMatterIsAnswered() throws Exception {
        Api.Account raiser = api.account("RAISER", null);
        String address = raiser.username() + "@example.cn";
        preferences.save(raiser.username(), Map.of(Kind.ANSWERED, new Preferences.Choice(true, false)),
                new AccountContact(address, null));
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String handler = api.tokenFor("HANDLER", "ZZ-HURD");

        long matter = raise(raiser.token(), "河西路灯不亮");
        String cases = api.post("/api/v1/matters/" + matter + "/assignments", supervisor, "{\"lead\":\"ZZ-HURD\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long aCase = ((Number) JsonPath.read(cases, "$.cases[0].id")).longValue();
        api.post("/api/v1/cases/" + aCase + "/sign", handler, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + aCase + "/answer", handler, "{\"category\":\"A\",\"text\":\"已修复。\"}")
                .andExpect(status().isOk());

        Eventually.await("e-mailed", () -> !to(address).isEmpty());
        List<MimeMessage> received = to(address);
        assertThat(received).hasSize(1);
        MimeMessage email = received.get(0);
        assertThat(email.getSubject()).isEqualTo("【民生议事台】事项答复");
        assertThat(email.getFrom()[0].toString()).isEqualTo("notify@civicdesk.example.cn");
        assertThat(decoded(email)).contains("「河西路灯不亮」已答复")
                .contains("https://civicdesk.example.cn/matters/" + matter)
                .contains("https://civicdesk.example.cn/notifications/settings");
        // Assigned, not chosen by e-mail: only the answer went out.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a").param("a", address)
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Double opt-in and one-click unsubscribe: the confirmation is the only mail before its link is
     * opened; every mail names its unsubscribe link in RFC 8058 headers; a mail program's POST to it,
     * without cookies or CSRF token, ends the subscription, and nothing is sent after.
     */
    @Test
    void aVisitorSubscribedToNoticesByEmailIsMailedOnlyOnceConfirmedAndUnsubscribesInOneClick() throws Exception {
        String address = "notices-" + Api.unique() + "@example.cn";
        api.mvc().perform(MockMvcRequestBuilders.post("/public/notice-subscriptions").with(csrf())
                .param("kind", "HEALTH_ALERT").param("email", address).param("consent", "true"))
                .andExpect(redirectedUrl("/public/notice-subscriptions"));
        Eventually.await("confirmation mailed", () -> to(address).size() == 1);
        MimeMessage confirmation = to(address).get(0);
        String token = jdbc.sql("SELECT token FROM subscription WHERE email = :a").param("a", address)
                .query(String.class).single();
        String unsubscribe = "https://civicdesk.example.cn/public/subscriptions/" + token + "/unsubscribe";
        assertThat(confirmation.getSubject()).isEqualTo("【民生议事台】请确认订阅");
        assertThat(confirmation.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(confirmation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(decoded(confirmation)).contains("“健康提示”类公告")
                .contains("https://civicdesk.example.cn/public/subscriptions/" + token + "/confirm").contains(unsubscribe);

        long before = notice("确认前的健康提示 " + Api.unique());
        Eventually.await("handled", () -> unhandled(before) == 0);
        deliverer.deliverDue();
        assertThat(to(address)).hasSize(1);

        api.mvc().perform(MockMvcRequestBuilders.get("/public/subscriptions/" + token + "/confirm"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("订阅已确认")));
        String title = "水痘进入高发季 " + Api.unique();
        notice(title);
        Eventually.await("notice mailed", () -> to(address).size() == 2);
        MimeMessage told = to(address).get(1);
        assertThat(decoded(told)).contains("新公告：「" + title + "」").contains(unsubscribe);
        assertThat(told.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(told.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        api.mvc().perform(MockMvcRequestBuilders.post("/public/subscriptions/" + token + "/unsubscribe")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已退订")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE email = :a").param("a", address)
                .query(Long.class).single()).isZero();
        long after = notice("退订后的健康提示 " + Api.unique());
        Eventually.await("handled", () -> unhandled(after) == 0);
        deliverer.deliverDue();
        assertThat(to(address)).hasSize(2);
    }

    private long notice(String title) throws Exception {
        String created = api.post("/api/v1/notices", api.adminToken(), "{\"title\":\"" + title
                + "\",\"body\":\"正文\",\"issuerOrg\":\"ZZ-CDC\",\"kind\":\"HEALTH_ALERT\",\"publish\":true}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    /** The notice's publication, until every listener has handled it (handled ones are deleted). */
    private long unhandled(long notice) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%NoticeEvent$Published' "
                + "AND serialized_event LIKE :n").param("n", "%\"noticeId\":" + notice + "%").query(Long.class)
                .single();
    }

    @Test
    void twoDeliverersAtOnceSendEachMessageOnce() throws Exception {
        String run = Long.toString(System.nanoTime());
        List<String> addresses = IntStream.range(0, 40).mapToObj(i -> "once-" + run + "-" + i + "@example.cn").toList();
        addresses.forEach(a -> outbox.enqueue(Channel.EMAIL, a, "一次", "只发一次。"));

        // The scheduled deliverer runs beside these two.
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(deliverer::deliverDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(deliverer::deliverDue);
        one.join();
        two.join();

        Eventually.await("all sent", () -> addresses.stream().allMatch(a -> !to(a).isEmpty()));
        for (String a : addresses) {
            assertThat(to(a)).as(a).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT DISTINCT attempts FROM outbox_message WHERE address LIKE :p")
                .param("p", "once-" + run + "-%").query(Integer.class).list()).containsExactly(1);
    }

    @Test
    void anSmsIsASignedSendSmsRequestWithTheTextInTheTemplate() throws Exception {
        String phone = "1380013" + String.format("%04d", (int) (System.nanoTime() % 10000));
        outbox.enqueue(Channel.SMS, phone, null, "您的验证码是 123456。");

        Eventually.await("sent", () -> requestsFor(phone).size() == 1 && sent(phone));
        Map<String, String> form = requestsFor(phone).get(0);
        assertThat(form).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("AccessKeyId", "test-key-id").containsEntry("SignName", "株洲人大")
                .containsEntry("TemplateCode", "SMS_000001").containsEntry("Format", "JSON")
                .containsEntry("SignatureMethod", "HMAC-SHA1").containsEntry("SignatureVersion", "1.0")
                .containsEntry("RegionId", "cn-hangzhou")
                .containsEntry("TemplateParam", "{\"content\":\"您的验证码是 123456。\"}");
        assertThat(form.get("Timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(form.get("SignatureNonce")).isNotBlank();
        Map<String, String> signed = new TreeMap<>(form);
        String signature = signed.remove("Signature");
        assertThat(signature).isEqualTo(
                AliyunSmsSender.sign("POST", AliyunSmsSender.canonical(signed), "test-key-secret"));
    }

    @Test
    void aFailedMessageIsTriedAgainLaterAndGivenUpAfterTheLimit() throws Exception {
        String flaky = "1390000" + String.format("%04d", (int) (System.nanoTime() % 10000));
        String broken = "1370000" + String.format("%04d", (int) (System.nanoTime() % 10000));
        failuresLeft.put(flaky, new AtomicInteger(1));
        failuresLeft.put(broken, new AtomicInteger(Integer.MAX_VALUE));
        outbox.enqueue(Channel.SMS, flaky, null, "稍后再试");
        outbox.enqueue(Channel.SMS, broken, null, "总是失败");

        Eventually.await("tried", () -> attempts(flaky) == 1 && attempts(broken) == 1);
        assertThat(sent(flaky)).isFalse();
        assertThat(lastError(flaky)).contains("isv.BUSINESS_LIMIT_CONTROL");
        deliverer.deliverDue();
        assertThat(requestsFor(flaky)).hasSize(1);

        advance(Duration.ofSeconds(61));
        Eventually.await("sent on the second attempt", () -> sent(flaky));
        assertThat(attempts(flaky)).isEqualTo(2);
        assertThat(requestsFor(flaky)).hasSize(2);

        // The wait doubles: the third attempt comes two minutes after the second.
        Eventually.await("tried twice", () -> attempts(broken) == 2);
        advance(Duration.ofSeconds(61));
        deliverer.deliverDue();
        assertThat(attempts(broken)).isEqualTo(2);
        advance(Duration.ofSeconds(61));
        Eventually.await("given up", () -> givenUp(broken));
        assertThat(attempts(broken)).isEqualTo(3);
        advance(Duration.ofHours(1));
        deliverer.deliverDue();
        assertThat(requestsFor(broken)).hasSize(3);
        assertThat(sent(broken)).isFalse();
    }

    private long raise(String token, String title) throws Exception {
        String body = api.post("/api/v1/matters", token,
                "{\"type\":\"APPEAL\",\"title\":\"" + title + "\",\"content\":\"请尽快处理。\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void advance(Duration by) {
        clock.set(clock.instant().plus(by).atOffset(ZoneOffset.UTC).toString());
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decoded(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }

    private Integer attempts(String address) {
        return jdbc.sql("SELECT attempts FROM outbox_message WHERE address = :a").param("a", address)
                .query(Integer.class).single();
    }

    private boolean sent(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a AND sent_at IS NOT NULL")
                .param("a", address).query(Long.class).single() > 0;
    }

    private boolean givenUp(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a AND given_up_at IS NOT NULL")
                .param("a", address).query(Long.class).single() > 0;
    }

    private String lastError(String address) {
        return jdbc.sql("SELECT last_error FROM outbox_message WHERE address = :a").param("a", address)
                .query(String.class).single();
    }

    private static List<Map<String, String>> requestsFor(String phone) {
        return smsRequests.stream().filter(r -> phone.equals(r.get("PhoneNumbers"))).toList();
    }

    private static HttpServer smsStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = Arrays.stream(body.split("&")).map(p -> p.split("=", 2))
                        .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
                smsRequests.add(form);
                AtomicInteger fail = failuresLeft.get(form.get("PhoneNumbers"));
                boolean failing = fail != null && fail.getAndDecrement() > 0;
                byte[] answer = (failing
                        ? "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发流控\",\"RequestId\":\"r\"}"
                        : "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"b\",\"RequestId\":\"r\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
