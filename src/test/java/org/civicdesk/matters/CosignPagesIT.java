package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.civicdesk.support.Api;
import org.civicdesk.support.Api.Account;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 联名邀请 on the pages: a raiser names co-signers in the raise form, each invitee answers on its
 * invitations page, and the raiser sees each answer; only a RAISER account is ever shown or answers
 * an invitation, and the form tells nobody who has an account.
 */
@IntegrationTest
class CosignPagesIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInviteeNamedInTheFormAcceptsOnItsInvitationsPageAndThenReadsTheMatter() throws Exception {
        Account raiser = api.account("RAISER", null);
        Account invitee = api.account("RAISER", null);
        long id = raise(raiser, "联名测试：社区停车难", invitee.username());

        page("/matters/" + id, raiser.token()).andExpect(content().string(containsString(invitee.username())))
                .andExpect(content().string(containsString("已邀请，未答复")));
        page("/matters/" + id, invitee.token()).andExpect(status().isForbidden());
        page("/matters/mine", invitee.token()).andExpect(status().isOk())
                .andExpect(content().string(containsString("联名邀请（1 个待答复）")))
                .andExpect(content().string(containsString("href=\"/matters/cosign-invitations\"")));
        page("/matters/cosign-invitations", invitee.token()).andExpect(status().isOk())
                .andExpect(content().string(containsString("联名测试：社区停车难")))
                .andExpect(content().string(containsString("<td>Test</td>")))
                .andExpect(content().string(containsString("action=\"/matters/" + id + "/cosign\"")))
                .andExpect(content().string(containsString("action=\"/matters/" + id + "/cosign/decline\"")))
                .andExpect(content().string(not(containsString("社区停车位不足的情况说明"))));

        mvc(MockMvcRequestBuilders.post("/matters/" + id + "/cosign").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + invitee.token())).andExpect(status().isForbidden());
        page("/matters/" + id, invitee.token()).andExpect(status().isForbidden());

        post("/matters/" + id + "/cosign", invitee.token()).andExpect(redirectedUrl("/matters/" + id))
                .andExpect(flash().attribute("notice", "matters.done.cosigned"));
        page("/matters/" + id, invitee.token()).andExpect(status().isOk())
                .andExpect(content().string(containsString("社区停车位不足的情况说明")));
        page("/matters/mine", invitee.token()).andExpect(content().string(containsString("/matters/" + id + "\"")))
                .andExpect(content().string(not(containsString("个待答复"))));
        page("/matters/cosign-invitations", invitee.token())
                .andExpect(content().string(containsString("目前没有待答复的联名邀请")));
        page("/matters/" + id, raiser.token()).andExpect(content().string(containsString("已接受")))
                .andExpect(content().string(not(containsString("已邀请，未答复"))));
        api.get("/api/v1/matters/" + id, raiser.token())
                .andExpect(jsonPath("$.cosigners[0]").value(invitee.username()));

        post("/matters/" + id + "/cosign", invitee.token()).andExpect(status().isNotFound());
    }

    @Test
    void aDeclinedInvitationLeavesTheMatterUnreadableAndTheRaiserSeesTheAnswer() throws Exception {
        Account raiser = api.account("RAISER", null);
        Account invitee = api.account("RAISER", null);
        long id = raise(raiser, "联名测试：谢绝", invitee.username());

        post("/matters/" + id + "/cosign/decline", invitee.token())
                .andExpect(redirectedUrl("/matters/cosign-invitations"))
                .andExpect(flash().attribute("notice", "matters.done.cosignDeclined"));
        page("/matters/" + id, invitee.token()).andExpect(status().isForbidden());
        page("/matters/cosign-invitations", invitee.token())
                .andExpect(content().string(not(containsString("联名测试：谢绝"))));
        page("/matters/" + id, raiser.token()).andExpect(content().string(containsString("已谢绝")));
        post("/matters/" + id + "/cosign", invitee.token()).andExpect(status().isNotFound());
        post("/matters/" + id + "/cosign/decline", invitee.token()).andExpect(status().isNotFound());
        api.get("/api/v1/matters/" + id, raiser.token()).andExpect(jsonPath("$.cosigners", empty()));
    }

    @Test
    void anAccountThatIsNotARaiserIsShownNoInvitationAndCannotAnswerOne() throws Exception {
        Account raiser = api.account("RAISER", null);
        Account handler = api.account("HANDLER", "ZZ-DRC");
        Account supervisor = api.account("SUPERVISOR", "ZZ-NPC");
        long id = raise(raiser, "联名测试：官员", handler.username() + " " + supervisor.username());

        for (Account official : List.of(handler, supervisor)) {
            page("/matters/cosign-invitations", official.token()).andExpect(status().isForbidden());
            post("/matters/" + id + "/cosign", official.token()).andExpect(status().isForbidden());
            post("/matters/" + id + "/cosign/decline", official.token()).andExpect(status().isForbidden());
            api.get("/api/v1/matters/cosign-invitations", official.token()).andExpect(jsonPath("$", empty()));
        }
        page("/matters/" + id, handler.token()).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT state FROM matter_cosign_invitation WHERE matter_id = :m").param("m", id)
                .query(String.class).list()).containsExactly("INVITED", "INVITED");
        page("/matters/" + id, supervisor.token()).andExpect(content().string(not(containsString("已邀请，未答复"))));
    }

    @Test
    void theFormAnswersTheSameWhetherOrNotANamedCosignerHasAnAccount() throws Exception {
        Account raiser = api.account("RAISER", null);
        String existing = api.account("RAISER", null).username();
        String nobody = "u-" + Api.unique();
        String title = "联名测试：是否有账号";

        MvcResult withAccount = post("/matters", raiser.token(), form(title, existing)).andReturn();
        MvcResult withoutAccount = post("/matters", raiser.token(), form(title, nobody)).andReturn();
        assertThat(withoutAccount.getResponse().getStatus()).isEqualTo(withAccount.getResponse().getStatus());
        assertThat(Map.copyOf(withoutAccount.getFlashMap())).isEqualTo(Map.copyOf(withAccount.getFlashMap()));
        String pageWith = page(withAccount.getResponse().getRedirectedUrl(), raiser.token()).andReturn()
                .getResponse().getContentAsString();
        String pageWithout = page(withoutAccount.getResponse().getRedirectedUrl(), raiser.token()).andReturn()
                .getResponse().getContentAsString();
        assertThat(normalised(pageWithout, nobody)).isEqualTo(normalised(pageWith, existing));
    }

    @Test
    void namesAreSplitAtCommasAndSpacesAndATooLongNameComesBackOnTheField() throws Exception {
        Account raiser = api.account("RAISER", null);
        long id = raise(raiser, "联名测试：分隔", " a-" + Api.unique() + ", b-" + Api.unique() + "，c-" + Api.unique()
                + "、d-" + Api.unique() + "\u3000e-" + Api.unique() + "  " + raiser.username());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_cosign_invitation WHERE matter_id = :m").param("m", id)
                .query(Long.class).single()).isEqualTo(5);

        long before = jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
        followed(post("/matters", raiser.token(), form("联名测试：太长", "x".repeat(65))), raiser.token())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cosigners-error\"")))
                .andExpect(content().string(containsString("href=\"#cosigners\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single()).isEqualTo(before);
    }

    private long raise(Account raiser, String title, String cosigners) throws Exception {
        String location = post("/matters", raiser.token(), form(title, cosigners))
                .andExpect(redirectedUrlPattern("/matters/*"))
                .andExpect(flash().attribute("notice", "matters.done.raised"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String[] form(String title, String cosigners) {
        return new String[] { "type", "SUGGESTION", "title", title, "content", "社区停车位不足的情况说明。", "cosigners",
                cosigners };
    }

    /** A matter's page without what differs between two matters of the same content, nor the form's token. */
    private static String normalised(String page, String cosigner) {
        return page.replace(cosigner, "NAME").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("\\d+", "N");
    }

    private ResultActions page(String path, String token) throws Exception {
        return mvc(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private ResultActions post(String path, String token, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc(request);
    }

    private ResultActions followed(ResultActions refused, String token) throws Exception {
        MvcResult result = refused.andExpect(status().is3xxRedirection()).andReturn();
        return mvc(MockMvcRequestBuilders.get(result.getResponse().getRedirectedUrl())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).cookie(result.getResponse().getCookies()));
    }

    private ResultActions mvc(MockHttpServletRequestBuilder request) throws Exception {
        return api.mvc().perform(request);
    }
}
