package org.civicdesk.notifications.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.notifications.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * One sender per channel, chosen from the settings: SMTP when {@code spring.mail.host} is set, the
 * configured SMS provider, and the log for a channel with nothing configured. What each channel does
 * is said once at start-up, so that nobody believes e-mails go out that are only logged.
 */
@Component
class Senders {

    private static final Logger log = LoggerFactory.getLogger(Senders.class);

    private final Map<Channel, Sender> byChannel = new EnumMap<>(Channel.class);

    Senders(NotificationSettings settings, ObjectProvider<JavaMailSenderImpl> mail, ObjectMapper json, Clock clock) {
        JavaMailSenderImpl smtp = mail.getIfAvailable();
        add(smtp != null && smtp.getHost() != null && !smtp.getHost().isBlank()
                ? new SmtpSender(smtp, settings.mailFrom())
                : new LogSender(Channel.EMAIL, "SPRING_MAIL_HOST"));
        add(switch (settings.sms().provider()) {
            case ALIYUN -> aliyun(settings.sms().aliyun(), json, clock);
            case LOG -> new LogSender(Channel.SMS, "CIVICDESK_NOTIFICATIONS_SMS_PROVIDER");
        });
    }

    /** Refuses to start with half an Alibaba Cloud account, rather than fail on every message later. */
    private static Sender aliyun(NotificationSettings.Aliyun aliyun, ObjectMapper json, Clock clock) {
        List<String> missing = aliyun.missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("SMS provider ALIYUN needs " + String.join(", ", missing));
        }
        return new AliyunSmsSender(aliyun, json, clock);
    }

    private void add(Sender sender) {
        byChannel.put(sender.channel(), sender);
    }

    Sender of(Channel channel) {
        return byChannel.get(channel);
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        byChannel.values().forEach(s -> {
            if (s.delivers()) {
                log.info("Notifications by {}: {}", s.channel(), s.describe());
            } else {
                log.warn("Notifications by {}: {}", s.channel(), s.describe());
            }
        });
    }
}
