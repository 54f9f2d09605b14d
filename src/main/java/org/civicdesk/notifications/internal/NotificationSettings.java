package org.civicdesk.notifications.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.hibernate.validator.constraints.time.DurationMin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How notifications leave the app ({@code civicdesk.notifications.*}, or {@code CIVICDESK_NOTIFICATIONS_*}).
 * The SMTP server itself is Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST},
 * {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME}, {@code SPRING_MAIL_PASSWORD}); without a host,
 * e-mails are written to the log instead of sent.
 *
 * @param mailFrom the sender of every e-mail
 * @param siteUrl where people reach Civic Desk, for the links in e-mails (confirm, unsubscribe, open)
 * @param delivery how the outbox is sent
 * @param sms which SMS provider sends text messages
 */
@Validated
@ConfigurationProperties("civicdesk.notifications")
record NotificationSettings(@DefaultValue("civicdesk@localhost") @NotBlank @Email String mailFrom,
        @DefaultValue("http://localhost:8080") @NotNull URI siteUrl,
        @DefaultValue @Valid Delivery delivery, @DefaultValue @Valid Sms sms) {

    /**
     * @param batch how many messages one node claims at a time
     * @param claim how long a claimed message is left to the node that claimed it; a node that died
     *        holding it leaves it to another after that, so a message can go out twice only then
     * @param firstRetry the wait after a first failure; it doubles with each further failure
     * @param maxRetryWait the longest wait between two attempts
     * @param maxAttempts after this many failed attempts a message is given up
     * @param keepSent how long a sent message is kept before it is purged
     */
    record Delivery(@DefaultValue("50") @Min(1) @Max(1000) int batch,
            @DefaultValue("5m") @NotNull @DurationMin(seconds = 10) Duration claim,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration firstRetry,
            @DefaultValue("6h") @NotNull @DurationMin(millis = 1) Duration maxRetryWait,
            @DefaultValue("8") @Min(1) @Max(50) int maxAttempts,
            @DefaultValue("30d") @NotNull @DurationMin(hours = 1) Duration keepSent) {

        /** The wait after the given number of failed attempts: doubling from the first, capped. */
        Duration retryAfter(int failures) {
            Duration wait = firstRetry;
            for (int i = 1; i < failures && wait.compareTo(maxRetryWait) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
        }
    }

    /** Which gateway sends SMS: {@code LOG} (the default, for development) writes them to the log. */
    enum SmsProvider {
        LOG, ALIYUN
    }

    /**
     * @param provider {@code CIVICDESK_NOTIFICATIONS_SMS_PROVIDER}: {@code LOG} or {@code ALIYUN}
     * @param aliyun the Alibaba Cloud SMS (阿里云短信服务) account, when it is the provider
     */
    record Sms(@DefaultValue("LOG") @NotNull SmsProvider provider, @DefaultValue @Valid Aliyun aliyun) {
    }

    /**
     * Alibaba Cloud SMS, API version 2017-05-25 ({@code SendSms}). Every text goes through one approved
     * template whose one variable ({@code templateParam}) takes the whole text, e.g. {@code ${content}}.
     *
     * @param endpoint {@code CIVICDESK_NOTIFICATIONS_SMS_ALIYUN_ENDPOINT}
     * @param accessKeyId {@code CIVICDESK_NOTIFICATIONS_SMS_ALIYUN_ACCESS_KEY_ID}
     * @param accessKeySecret {@code CIVICDESK_NOTIFICATIONS_SMS_ALIYUN_ACCESS_KEY_SECRET}
     * @param signName the approved signature (短信签名), e.g. 株洲市人大
     * @param templateCode the approved template (短信模板), e.g. SMS_123456789
     */
    record Aliyun(@DefaultValue("https://dysmsapi.aliyuncs.com/") @NotNull URI endpoint,
            @DefaultValue("cn-hangzhou") @NotBlank String regionId, String accessKeyId, String accessKeySecret,
            String signName, String templateCode, @DefaultValue("content") @NotBlank String templateParam,
            @DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration timeout) {

        /** What is missing for sending, by the name of its environment variable; empty when nothing is. */
        List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (accessKeyId == null || accessKeyId.isBlank()) {
                missing.add("CIVICDESK_NOTIFICATIONS_SMS_ALIYUN_ACCESS_KEY_ID");
            }
            if (accessKeySecret == null || accessKeySecret.isBlank()) {
                missing.add("CIVICDESK_NOTIFICATIONS_SMS_ALIYUN_ACCESS_KEY_SECRET");
            }
            if (signName == null || signName.isBlank()) {
                missing.add("CIVICDESK_NOTIFICATIONS_SMS_ALIYUN_SIGN_NAME");
            }
            if (templateCode == null || templateCode.isBlank()) {
                missing.add("CIVICDESK_NOTIFICATIONS_SMS_ALIYUN_TEMPLATE_CODE");
            }
            return missing;
        }
    }
}
