package org.civicdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdesk.support.SentCodes.codeSentTo;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.civicdesk.platform.internal.ResidentAccess.SignUp;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.PrivacyNotice;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * Residents open their own accounts and reset their passwords with a code sent through the outbox:
 * the code is kept hashed, expires, allows five tries and one use; codes are limited per number or
 * address and per client; a number or address opens one account; consent to the personal-information
 * notice is required and its version recorded; a reset ends every session of the account.
 */
@IntegrationTest
class ResidentAccessIT {


    @Autowired
    ResidentAccess access;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResidentSignsUpOnThePagesWithTheCodeSentByTextAndSignsInAsARaiser() throws Exception {
        String phone = phone();
        String client = client();
        MvcResult started = api.mvc().perform(post("/public/sign-up").with(csrf()).with(from(client))
                .param("contact", "+86 " + phone.substring(0, 3) + "-" + phone.substring(3))
                .param("displayName", "王女士").param("password", "long-enough-1").param("consent", "true"))
                .andExpect(redirectedUrlPattern("/public/sign-up/*")).andReturn();
        String codePage = started.getResponse().getRedirectedUrl();
        api.mvc().perform(get(codePage)).andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT channel FROM outbox_message WHERE address = :a").param("a", phone)
                .query(String.class).list()).containsExactly("SMS");
        String code = codeSentTo(jdbc, phone);
        assertThat(jdbc.sql("SELECT code_hash FROM verification_code WHERE address = :a").param("a", phone)
                .query(String.class).single()).doesNotContain(code);

        api.mvc().perform(post(codePage).with(csrf()).with(from(client)).param("code", code))
                .andExpect(redirectedUrl("/login?signedUp"));

        assertThat(jdbc.sql("""
                SELECT a.username || ' ' || a.phone || ' ' || a.privacy_notice_version || ' ' || r.role
                FROM account a JOIN account_role r ON r.account_id = a.id WHERE a.phone = :p""")
                .param("p", phone).query(String.class).list())
                .containsExactly(phone + " " + phone + " " + PrivacyNotice.VERSION + " RAISER");
        api.mvc().perform(formLogin().user(phone).password("long-enough-1")).andExpect(redirectedUrl("/desk"));
    }

    @Test
    void aSignUpByEmailGetsItsCodeByEmailAndKeepsTheAddressInLowerCase() {
        String email = "Resident." + Api.unique() + "@Example.CN";
        String ticket = access.startSignUp(new SignUp(email, "李先生", "long-enough-1", true), client());
        String stored = email.toLowerCase();
        assertThat(jdbc.sql("SELECT channel FROM outbox_message WHERE address = :a").param("a", stored)
                .query(String.class).list()).containsExactly("EMAIL");
        assertThat(access.finishSignUp(ticket, codeSentTo(jdbc, stored)).username()).isEqualTo(stored);

        access.startSignUp(new SignUp(email.toUpperCase(), "又一个", "long-enough-1", true), client());
        assertThat(latestMessageTo(stored)).doesNotContainPattern("\\b[0-9]{6}\\b");
    }

    @Test
    void aSignUpWithoutConsentOrWithABadNumberIsRefusedFieldByFieldAndSendsNothing() {
        String phone = phone();
        ProblemException refused = refusal(() -> access.startSignUp(new SignUp(phone, "", "short", false), client()));
        assertThat(refused.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("displayName", "password", "consent");
        assertThat(refusal(() -> access.startSignUp(new SignUp("12345", "张三", "long-enough-1", true), client()))
                .violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactly(tuple("contact", "validation.contact"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a").param("a", phone)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSignUpForANumberThatHasAnAccountLooksTheSameTellsTheOwnerAndOpensNothing() throws Exception {
        String phone = phone();
        access.finishSignUp(access.startSignUp(new SignUp(phone, "赵", "long-enough-1", true), client()),
                codeSentTo(jdbc, phone));
        String client = client();
        MvcResult again = api.mvc().perform(post("/public/sign-up").with(csrf()).with(from(client))
                .param("contact", "0086" + phone).param("displayName", "赵二").param("password", "long-enough-2")
                .param("consent", "true"))
                .andExpect(redirectedUrlPattern("/public/sign-up/*")).andReturn();
        String codePage = again.getResponse().getRedirectedUrl();
        api.mvc().perform(get(codePage)).andExpect(status().isOk());

        String told = latestMessageTo(phone);
        assertThat(told).contains("已有账户").doesNotContainPattern("\\b[0-9]{6}\\b");
        api.mvc().perform(post(codePage).with(csrf()).with(from(client)).param("code", "123456"))
                .andExpect(redirectedUrl(codePage));
        assertThat(accountWithPhone(phone)).isEqualTo(1);
        api.mvc().perform(formLogin().user(phone).password("long-enough-1")).andExpect(redirectedUrl("/desk"));
    }

    @Test
    void aResidentSignsInWithACodeSentToTheNumberTypedInAnyOfItsForms() throws Exception {
        String phone = phone();
        access.finishSignUp(access.startSignUp(new SignUp(phone, "郑", "long-enough-1", true), client()),
                codeSentTo(jdbc, phone));
        String client = client();
        MvcResult started = api.mvc().perform(post("/public/sign-in-code").with(csrf()).with(from(client))
                .param("phone", "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)))
                .andExpect(redirectedUrlPattern("/public/sign-in-code/*")).andReturn();
        String codePage = started.getResponse().getRedirectedUrl();
        api.mvc().perform(get(codePage)).andExpect(status().isOk());
        String code = codeSentTo(jdbc, phone);
        assertThat(latestMessageTo(phone)).contains("登录验证码");

        MvcResult signedIn = api.mvc().perform(post(codePage).with(csrf()).with(from(client)).param("code", code))
                .andExpect(redirectedUrl("/desk")).andReturn();
        Cookie session = signedIn.getResponse().getCookie("SESSION");
        api.mvc().perform(get("/matters/mine").cookie(session)).andExpect(status().isOk());

        assertThat(refusal(() -> access.finishSignIn(codePage.substring(codePage.lastIndexOf('/') + 1), code))
                .code()).isEqualTo(Verification.CODE_USED);
    }

    @Test
    void aSignInCodeIsSentOnlyToANumberWithAnAccountYetTheAnswerIsTheSame() throws Exception {
        String phone = phone();
        String ticket = access.startSignIn(phone, client());
        assertThat(access.sentTo(Verification.Purpose.SIGN_IN, ticket)).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a").param("a", phone)
                .query(Long.class).single()).isZero();
        assertThat(refusal(() -> access.finishSignIn(ticket, "123456")).violations())
                .extracting(FieldViolation::field).containsExactly("code");

        assertThat(refusal(() -> access.startSignIn("resident@example.cn", client())).violations())
                .extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactly(tuple("phone", "validation.mobile"));
        api.mvc().perform(post("/public/sign-in-code").with(csrf()).with(from(client())).param("phone", "12345"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aPasswordSignInTakesTheNumberWithTheCountryCodeOrSpaces() throws Exception {
        String phone = phone();
        access.finishSignUp(access.startSignUp(new SignUp(phone, "冯", "long-enough-1", true), client()),
                codeSentTo(jdbc, phone));
        for (String typed : new String[] {"+86 " + phone, "+86" + phone,
                phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)}) {
            api.mvc().perform(formLogin().user(typed).password("long-enough-1")).andExpect(redirectedUrl("/desk"));
        }
        assertThat(api.token("+86 " + phone, "long-enough-1")).isNotBlank();
    }

    @Test
    void twoSignUpsWaitingForOneNumberOpenOneAccount() {
        String phone = phone();
        String first = access.startSignUp(new SignUp(phone, "甲", "long-enough-1", true), client());
        String firstCode = codeSentTo(jdbc, phone);
        String second = access.startSignUp(new SignUp(phone, "乙", "long-enough-1", true), client());
        access.finishSignUp(second, codeSentTo(jdbc, phone));
        assertThat(refusal(() -> access.finishSignUp(first, firstCode)).code()).isEqualTo("DUPLICATE");
    }

    @Test
    void aWrongCodeCountsAnAttemptAndFiveWrongOnesKillTheCode() {
        String phone = phone();
        String ticket = access.startSignUp(new SignUp(phone, "钱", "long-enough-1", true), client());
        String code = codeSentTo(jdbc, phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            ProblemException refused = refusal(() -> access.finishSignUp(ticket, wrong));
            assertThat(refused.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("code");
                assertThat(v.messageKey()).isEqualTo("validation.codeWrong");
            });
            assertThat(refused.violations().get(0).args()).containsExactly(left);
        }
        assertThat(refusal(() -> access.finishSignUp(ticket, wrong)).code())
                .isEqualTo(Verification.CODE_ATTEMPTS_EXHAUSTED);
        assertThat(refusal(() -> access.finishSignUp(ticket, code)).code())
                .isEqualTo(Verification.CODE_ATTEMPTS_EXHAUSTED);
        assertThat(accountWithPhone(phone)).isZero();
    }

    @Test
    void anExpiredCodeAndAUsedCodeAreRefused() {
        String phone = phone();
        String ticket = access.startSignUp(new SignUp(phone, "孙", "long-enough-1", true), client());
        String code = codeSentTo(jdbc, phone);
        jdbc.sql("UPDATE verification_code SET expires_at = created_at WHERE ticket = :t").param("t", ticket).update();
        assertThat(refusal(() -> access.finishSignUp(ticket, code)).code()).isEqualTo(Verification.CODE_EXPIRED);
        assertThat(accountWithPhone(phone)).isZero();

        String again = access.startSignUp(new SignUp(phone, "孙", "long-enough-1", true), client());
        String newCode = codeSentTo(jdbc, phone);
        access.finishSignUp(again, newCode);
        assertThat(refusal(() -> access.finishSignUp(again, newCode)).code()).isEqualTo(Verification.CODE_USED);
    }

    @Test
    void codesAreLimitedPerNumberAndPerClient() {
        String phone = phone();
        for (int i = 0; i < 5; i++) {
            access.startSignUp(new SignUp(phone, "周", "long-enough-1", true), client());
        }
        ProblemException perNumber = refusal(() -> access.startSignUp(
                new SignUp(phone, "周", "long-enough-1", true), client()));
        assertThat(perNumber.code()).isEqualTo("RATE_LIMITED");
        assertThat(perNumber.status().value()).isEqualTo(429);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a").param("a", phone)
                .query(Long.class).single()).isEqualTo(5);

        String client = client();
        for (int i = 0; i < 20; i++) {
            access.startReset(phone(), client);
        }
        assertThat(refusal(() -> access.startReset(phone(), client)).code()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void aPasswordResetEndsEverySessionAndTheNewPasswordSignsIn() throws Exception {
        String phone = phone();
        access.finishSignUp(access.startSignUp(new SignUp(phone, "吴", "long-enough-1", true), client()),
                codeSentTo(jdbc, phone));
        Cookie session = api.mvc().perform(formLogin().user(phone).password("long-enough-1"))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
        api.mvc().perform(get("/matters/mine").cookie(session)).andExpect(status().isOk());

        String client = client();
        MvcResult started = api.mvc().perform(post("/public/password-reset").with(csrf()).with(from(client))
                .param("contact", phone)).andExpect(redirectedUrlPattern("/public/password-reset/*")).andReturn();
        String codePage = started.getResponse().getRedirectedUrl();
        api.mvc().perform(post(codePage).with(csrf()).with(from(client)).param("code", codeSentTo(jdbc, phone))
                .param("password", "short")).andExpect(redirectedUrl(codePage));
        api.mvc().perform(post(codePage).with(csrf()).with(from(client)).param("code", codeSentTo(jdbc, phone))
                .param("password", "another-one-2")).andExpect(redirectedUrl("/login?reset"));

        api.mvc().perform(get("/matters/mine").cookie(session)).andExpect(redirectedUrl("/login"));
        api.mvc().perform(formLogin().user(phone).password("long-enough-1")).andExpect(redirectedUrl("/login?error"));
        api.mvc().perform(formLogin().user(phone).password("another-one-2")).andExpect(redirectedUrl("/desk"));
    }

    @Test
    void aResetForANumberWithoutAnAccountLooksTheSameButSendsNothing() {
        String phone = phone();
        String ticket = access.startReset(phone, client());
        assertThat(access.sentTo(Verification.Purpose.PASSWORD_RESET, ticket)).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE address = :a").param("a", phone)
                .query(Long.class).single()).isZero();
        assertThat(refusal(() -> access.finishReset(ticket, "123456", "another-one-2")).violations())
                .extracting(FieldViolation::field).containsExactly("code");
    }

    private String latestMessageTo(String address) {
        return jdbc.sql("SELECT body FROM outbox_message WHERE address = :a ORDER BY id DESC").param("a", address)
                .query(String.class).list().get(0);
    }

    private long accountWithPhone(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE phone = :p").param("p", phone).query(Long.class).single();
    }


    private static ProblemException refusal(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return (ProblemException) thrown;
    }

    private static RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    /** A mobile number no other test uses. */
    private static String phone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A client address of its own, so that no test meets another's per-client limit. */
    private static String client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
