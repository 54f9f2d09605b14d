package org.civicdesk.notifications.internal;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.civicdesk.notifications.Channel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * SMS through Alibaba Cloud SMS (阿里云短信服务), its documented RPC API {@code SendSms} of version
 * 2017-05-25, signed with HMAC-SHA1 (signature version 1.0) and sent as a form POST. The text goes into
 * the one variable of the configured template. The provider answers {@code "Code": "OK"} when it took
 * the message; anything else is a failure the deliverer retries.
 */
final class AliyunSmsSender implements Sender {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final NotificationSettings.Aliyun settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    AliyunSmsSender(NotificationSettings.Aliyun settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String describe() {
        return "Alibaba Cloud SMS at " + settings.endpoint() + ", signature " + settings.signName() + ", template "
                + settings.templateCode();
    }

    @Override
    public boolean delivers() {
        return true;
    }

    @Override
    public void send(String address, String subject, String body, String unsubscribe) throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", settings.accessKeyId());
        params.put("Action", "SendSms");
        params.put("Format", "JSON");
        params.put("PhoneNumbers", address);
        params.put("RegionId", settings.regionId());
        params.put("SignName", settings.signName());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("TemplateCode", settings.templateCode());
        params.put("TemplateParam", json.writeValueAsString(Map.of(settings.templateParam(), body)));
        params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        params.put("Version", "2017-05-25");
        String canonical = canonical(params);
        String form = canonical + "&Signature=" + encode(sign("POST", canonical, settings.accessKeySecret()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String code = null;
        String message = null;
        try {
            JsonNode answer = json.readTree(response.body());
            code = answer.path("Code").asString(null);
            message = answer.path("Message").asString(null);
        } catch (RuntimeException notJson) {
            // Reported below with the HTTP status; a proxy's error page is not JSON.
        }
        if (!"OK".equals(code)) {
            throw new IllegalStateException("Alibaba Cloud SMS answered HTTP " + response.statusCode() + ", code "
                    + code + (message == null ? "" : ": " + message));
        }
    }

    /** The parameters sorted by name, each name and value encoded, as both the signature and the body take them. */
    static String canonical(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Base64 of HMAC-SHA1 over {@code METHOD&%2F&encoded(canonical)}, keyed with the secret and an ampersand. */
    static String sign(String method, String canonical, String secret) throws Exception {
        String toSign = method + "&" + encode("/") + "&" + encode(canonical);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Percent-encoding as the provider signs it: RFC 3986, so a space is %20 and a tilde stays. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
