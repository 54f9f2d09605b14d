package org.civicdesk.notifications.internal;

import java.nio.charset.StandardCharsets;

import org.civicdesk.notifications.Channel;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail through the SMTP server of {@code spring.mail.*}, as plain UTF-8 text, with unsubscribe headers when it has a link. */
final class SmtpSender implements Sender {

    private final JavaMailSenderImpl mail;
    private final String from;

    SmtpSender(JavaMailSenderImpl mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String describe() {
        return "SMTP " + mail.getHost() + ":" + mail.getPort() + " from " + from;
    }

    @Override
    public boolean delivers() {
        return true;
    }

    @Override
    public void send(String address, String subject, String body, String unsubscribe) throws Exception {
        var message = mail.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(address);
        helper.setSubject(subject == null ? "" : subject);
        helper.setText(body, false);
        if (unsubscribe != null) {
            // RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that POSTs to the link.
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mail.send(message);
    }
}
