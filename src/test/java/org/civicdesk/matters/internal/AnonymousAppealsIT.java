package org.civicdesk.matters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.civicdesk.matters.MatterId;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.PrivacyNotice;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.support.Api;
import org.civicdesk.support.Eventually;
import org.civicdesk.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * A resident raises an appeal without an account and follows it with the tracking code: the code is
 * shown once and kept only hashed; whoever holds it sees the appeal, its steps without names, the
 * departments and their answers with contact details removed, and rates the answer as its raiser;
 * an unknown code and too many reports from one address are refused. Staff see its raiser as an
 * anonymous resident, who is never notified.
 */
@IntegrationTest
class AnonymousAppealsIT {

    @Autowired
    Api api;

    @Autowired
    AnonymousAppeals appeals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAppealWithoutAnAccountIsFollowedWithItsCodeToItsAnswerAndRated() throws Exception {
        String title = "路灯不亮 " + Api.unique();
        MvcResult reported = api.mvc().perform(post("/public/appeals").with(csrf()).with(from(client()))
                .param("title", title).param("content", "芦淞区建设路的路灯坏了一个月。").param("district", "芦淞区"))
                .andExpect(redirectedUrl("/public/appeals/reported")).andReturn();
        String code = (String) reported.getFlashMap().get("trackingCode");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        Cookie reporter = reported.getResponse().getCookie("SESSION");
        api.mvc().perform(get("/public/appeals/reported").cookie(reporter)
                .flashAttr("trackingCode", code)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(code)));
        api.mvc().perform(get("/public/appeals/reported").cookie(reporter)).andExpect(redirectedUrl("/public/track"));

        long id = jdbc.sql("SELECT id FROM matter WHERE title = :t").param("t", title).query(Long.class).single();
        assertThat(jdbc.sql("SELECT type || ' ' || raiser || ' ' || channel || ' ' || privacy_notice_version "
                + "FROM matter WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("APPEAL " + AnonymousAppeals.ANONYMOUS + " WEB " + PrivacyNotice.VERSION);
        assertThat(jdbc.sql("SELECT code_hash FROM matter_tracking WHERE matter_id = :id").param("id", id)
                .query(String.class).single()).doesNotContain(code.replace("-", "")).hasSize(64);

        String supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        Api.Account handler = api.account("HANDLER", "ZZ-DRC");
        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        // Staff see an anonymous resident, by name, where a raiser is named; no notification is written for it.
        for (String staffPage : new String[] { "/matters/" + id, "/matters?q=" + title }) {
            assertThat(api.get(staffPage, supervisor).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString()).contains("匿名群众").doesNotContain(AnonymousAppeals.ANONYMOUS);
        }
        Eventually.await("told the department of its case", () -> jdbc.sql(
                "SELECT COUNT(*) FROM notification WHERE matter_id = :id AND kind = 'NEW_CASE'").param("id", id)
                .query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = :anonymous")
                .param("anonymous", AnonymousAppeals.ANONYMOUS).query(Long.class).single()).isZero();
        api.post("/api/v1/cases/" + lead + "/sign", handler.token(), "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", handler.token(),
                "{\"category\":\"A\",\"text\":\"已修复。如有问题请致电 13912345678。\"}").andExpect(status().isOk());

        // Another browser, the code typed in lower case without its dashes.
        MvcResult found = api.mvc().perform(post("/public/track").with(csrf()).with(from(client()))
                .param("code", code.replace("-", "").toLowerCase())).andExpect(redirectedUrl("/public/track"))
                .andReturn();
        Cookie follower = found.getResponse().getCookie("SESSION");
        String page = api.mvc().perform(get("/public/track").cookie(follower)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(title, "已修复", "[已隐去]", "已答复，待评价").doesNotContain("13912345678",
                handler.username(), AnonymousAppeals.ANONYMOUS);

        api.mvc().perform(post("/public/track/evaluation").cookie(follower).with(csrf()).with(from(client()))
                .param("rating", "SATISFIED")).andExpect(redirectedUrl("/public/track"))
                .andExpect(flash().attribute("notice", "matters.done.rated"));
        assertThat(appeals.track(new MatterId(id))).satisfies(t -> {
            assertThat(t.status().name()).isEqualTo("CLOSED");
            assertThat(t.rating()).isEqualTo("SATISFIED");
            assertThat(t.mayRate()).isFalse();
            assertThat(t.steps()).extracting(AnonymousAppeals.Step::kind)
                    .containsExactly("RAISED", "ASSIGNED", "SIGNED", "ANSWERED", "RATED_SATISFIED");
        });

        api.mvc().perform(post("/public/track/forget").cookie(follower).with(csrf()).with(from(client())))
                .andExpect(redirectedUrl("/public/track"));
        assertThat(api.mvc().perform(get("/public/track").cookie(follower)).andReturn().getResponse()
                .getContentAsString()).doesNotContain(title);
    }

    @Test
    void anUnknownOrMissingCodeIsRefusedOnTheCodeField() throws Exception {
        assertThat(refusal(() -> appeals.require("ZZZZ-ZZZZ-ZZZZ")).violations())
                .extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactly(tuple("code", "track.unknownCode"));
        assertThat(refusal(() -> appeals.require(" ")).violations())
                .extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactly(tuple("code", "validation.required"));
        assertThat(appeals.find("short")).isEmpty();
        api.mvc().perform(post("/public/track").with(csrf()).with(from(client())).param("code", "0000-0000-0000"))
                .andExpect(redirectedUrl("/public/track"))
                .andExpect(flash().attributeExists("org.springframework.validation.BindingResult.form"));
    }

    @Test
    void aReportWithoutTitleOrContentIsRefusedFieldByFieldAndKeepsNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM matter_tracking").query(Long.class).single();
        assertThat(refusal(() -> appeals.report(new AnonymousAppeals.Report(" ", null, null, null), client()))
                .violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("title", "content");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_tracking").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void reportsAreLimitedPerClientAddress() {
        String client = client();
        for (int i = 0; i < 5; i++) {
            appeals.report(new AnonymousAppeals.Report("噪音扰民 " + i, "夜间施工。", null, null), client);
        }
        ProblemException refused = refusal(
                () -> appeals.report(new AnonymousAppeals.Report("噪音扰民", "夜间施工。", null, null), client));
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.status().value()).isEqualTo(429);
        assertThat(appeals.report(new AnonymousAppeals.Report("噪音扰民", "夜间施工。", null, null), client())
                .trackingCode()).hasSize(12);
    }

    private static ProblemException refusal(Runnable action) {
        return catchThrowableOfType(ProblemException.class, action::run);
    }

    private static RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    /** A client address of its own, so that no test meets another's per-client limit. */
    private static String client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
