package org.civicdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.civicdesk.support.Api;
import org.civicdesk.support.AuditChain;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DirectoryApiIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = api.adminToken();
    }

    @Test
    void createsAnOrganisationAndFindsItBySearch() throws Exception {
        String code = "ORG-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"株洲市测试局\",\"kind\":\"GOVERNMENT\","
                + "\"parentCode\":\"ZZ-GOV\",\"district\":\"天元区\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/orgs/" + code))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.kind").value("GOVERNMENT"))
                .andExpect(jsonPath("$.parentCode").value("ZZ-GOV"));
        api.get("/api/v1/orgs?q=" + code.toLowerCase(), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem(code)));
        api.get("/api/v1/orgs/" + code, admin).andExpect(jsonPath("$.name").value("株洲市测试局"));
    }

    /**
     * An organisation's English name shows on English pages, its Chinese name on Chinese ones; a change
     * that does not mention it keeps it, a blank one removes it. The demo city's departments have theirs.
     */
    /** The accounts page shows fifty a page, narrowed by name and role, its pager keeping them; a bad role is named. */
    @Test
    void theAccountsPagePagesThroughWhatTheFilterKeeps() throws Exception {
        String tag = "pg" + Api.unique();
        for (int i = 0; i < 51; i++) {
            api.post("/api/v1/accounts", admin, "{\"username\":\"" + tag + "-" + i + "\",\"password\":\"secret-pass-1\","
                    + "\"displayName\":\"Test\",\"roles\":[\"RAISER\"]}").andExpect(status().isCreated());
        }
        String list = "/directory/accounts?q=" + tag + "&role=RAISER";
        String first = accountsPage(list, 200);
        assertThat(first.split(">" + tag + "-", -1)).hasSize(50 + 1);
        assertThat(first).contains("href=\"" + list.replace("&", "&amp;") + "&amp;page=1\"");
        assertThat(accountsPage(list + "&page=1", 200).split(">" + tag + "-", -1)).hasSize(1 + 1);
        assertThat(accountsPage("/directory/accounts?q=" + tag + "&role=ADMIN", 200)).doesNotContain(">" + tag + "-");
        assertThat(accountsPage("/directory/accounts?role=KING", 400)).contains("id=\"filter-role-error\"",
                "href=\"#filter-role\"");
    }

    private String accountsPage(String path, int status) throws Exception {
        return api.get(path, admin).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anEnglishNameShowsOnEnglishPagesOnly() throws Exception {
        String code = "EN-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"株洲市英文测试局\","
                + "\"nameEn\":\"Zhuzhou Test Bureau\",\"kind\":\"GOVERNMENT\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.nameEn").value("Zhuzhou Test Bureau"));
        Cookie session = api.mvc().perform(formLogin().user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        api.mvc().perform(get("/directory/orgs?lang=en&q=" + code).cookie(session))
                .andExpect(content().string(containsString("Zhuzhou Test Bureau")));
        api.mvc().perform(get("/directory/orgs?lang=zh-CN&q=" + code).cookie(session))
                .andExpect(content().string(containsString("株洲市英文测试局")))
                .andExpect(content().string(not(containsString("Zhuzhou Test Bureau"))));
        api.mvc().perform(get("/directory/orgs?lang=en&q=ZZ-DRC").cookie(session))
                .andExpect(content().string(containsString("Zhuzhou Development and Reform Commission")));

        String change = "{\"name\":\"株洲市英文测试局\",\"kind\":\"GOVERNMENT\"";
        api.put("/api/v1/orgs/" + code, admin, change + "}").andExpect(jsonPath("$.nameEn").value("Zhuzhou Test Bureau"));
        api.put("/api/v1/orgs/" + code, admin, change + ",\"nameEn\":\"" + "x".repeat(201) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("nameEn"));
        api.put("/api/v1/orgs/" + code, admin, change + ",\"nameEn\":\" \"}")
                .andExpect(jsonPath("$.nameEn").doesNotExist());
    }

    /** A refusal names the kind of thing in the reader's language, not by the code's word for it. */
    @Test
    void namesWhatIsMissingInTheReadersLanguage() throws Exception {
        api.mvc().perform(get("/api/v1/orgs/NO-SUCH-ORG").header("Authorization", "Bearer " + admin)
                .header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("找不到 机构「NO-SUCH-ORG」。"));
        api.mvc().perform(get("/api/v1/orgs/NO-SUCH-ORG").header("Authorization", "Bearer " + admin)
                .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value("No organisation \"NO-SUCH-ORG\"."));
    }

    @Test
    void refusesADuplicateCodeWith409AndKeepsTheFirst() throws Exception {
        String code = "DUP-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"First\",\"kind\":\"SOCIAL\"}")
                .andExpect(status().isCreated());
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"Second\",\"kind\":\"SOCIAL\"}")
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("DUPLICATE"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("代码「" + code + "」已被使用。"));
        api.get("/api/v1/orgs/" + code, admin).andExpect(jsonPath("$.name").value("First"));
    }

    @Test
    void namesEveryBadFieldAndWritesNothing() throws Exception {
        long before = orgCount();
        api.post("/api/v1/orgs", admin, "{\"code\":\"bad code!\",\"kind\":\"PALACE\",\"parentCode\":\"NO-SUCH\","
                + "\"district\":\"" + "区".repeat(101) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("parentCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("district")))
                .andExpect(jsonPath("$.detail", containsString("kind")));
        assertThat(orgCount()).isEqualTo(before);
    }

    @Test
    void tellsTheReasonInEnglishWhenAskedTo() throws Exception {
        api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/orgs")
                .header("Authorization", "Bearer " + admin).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"X1\",\"kind\":\"GOVERNMENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Required."));
        api.post("/api/v1/orgs", admin, "{\"code\":\"X1\",\"kind\":\"GOVERNMENT\"}")
                .andExpect(jsonPath("$.errors[0].message").value("必填。"));
    }

    @Test
    void refusesMalformedJsonAndWrongTypes() throws Exception {
        api.post("/api/v1/orgs", admin, "{\"code\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        api.post("/api/v1/accounts", admin, "{\"username\":\"abc\",\"roles\":\"ADMIN\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
    }

    @Test
    void refusesTheWrongRoleAndNoToken() throws Exception {
        String raiser = api.tokenFor("RAISER", null);
        long before = orgCount();
        api.post("/api/v1/orgs", raiser, "{\"code\":\"R-" + Api.unique() + "\",\"name\":\"n\",\"kind\":\"OTHER\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        api.post("/api/v1/orgs", null, "{\"code\":\"R-" + Api.unique() + "\",\"name\":\"n\",\"kind\":\"OTHER\"}")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        api.post("/api/v1/orgs", "not-a-token", "{}")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_TOKEN"));
        assertThat(orgCount()).isEqualTo(before);
    }

    @Test
    void answers404ForAnUnknownOrganisation() throws Exception {
        api.get("/api/v1/orgs/NO-SUCH-ORG", admin)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        api.put("/api/v1/orgs/NO-SUCH-ORG", admin, "{\"name\":\"x\",\"kind\":\"OTHER\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void editsAnOrganisationButNeverItsCodeNorIntoACycle() throws Exception {
        String parent = "P-" + Api.unique();
        String child = "C-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + parent + "\",\"name\":\"Parent\",\"kind\":\"GOVERNMENT\"}");
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + child + "\",\"name\":\"Child\",\"kind\":\"GOVERNMENT\","
                + "\"parentCode\":\"" + parent + "\"}");
        api.put("/api/v1/orgs/" + child, admin, "{\"name\":\"Renamed\",\"kind\":\"SOCIAL\",\"parentCode\":\"" + parent + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Renamed"));
        api.put("/api/v1/orgs/" + parent, admin, "{\"name\":\"Parent\",\"kind\":\"GOVERNMENT\",\"parentCode\":\"" + child + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        api.put("/api/v1/orgs/" + child, admin, "{\"code\":\"OTHER\",\"name\":\"Renamed\",\"kind\":\"SOCIAL\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void createsAccountsWithRolesAndOneOrgForAHandler() throws Exception {
        String username = "h-" + Api.unique();
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"long-enough-1\","
                + "\"displayName\":\"承办员\",\"roles\":[\"HANDLER\"],\"orgCode\":\"ZZ-DRC\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.orgCode").value("ZZ-DRC"))
                .andExpect(jsonPath("$.password").doesNotExist());
        String token = api.token(username, "long-enough-1");
        api.get("/api/v1/me", token).andExpect(jsonPath("$.roles[0]").value("HANDLER"));
        api.post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"long-enough-1\","
                + "\"displayName\":\"again\",\"roles\":[\"RAISER\"]}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void refusesBadAccounts() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
        api.post("/api/v1/accounts", admin, "{\"username\":\"h-" + Api.unique() + "\",\"password\":\"long-enough-1\","
                + "\"displayName\":\"x\",\"roles\":[\"HANDLER\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgCode"));
        api.post("/api/v1/accounts", admin, "{\"username\":\"h-" + Api.unique() + "\",\"password\":\"short\","
                + "\"displayName\":\"x\",\"roles\":[\"KING\"],\"orgCode\":\"NOPE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("orgCode")));
        api.post("/api/v1/accounts", api.tokenFor("SUPERVISOR", null), "{\"username\":\"s-" + Api.unique()
                + "\",\"password\":\"long-enough-1\",\"displayName\":\"x\",\"roles\":[\"ADMIN\"]}")
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void keepsPeopleWithSeveralPostsAndShowsContactsOnlyToAdmins() throws Exception {
        String body = api.post("/api/v1/people", admin, "{\"name\":\"测试人\",\"orgCode\":\"ZZ-CPC\",\"phone\":\"0731-2888888\","
                + "\"posts\":[{\"orgCode\":\"ZZ-CPC\",\"title\":\"市委副书记\"},{\"orgCode\":\"ZZ-CPC-PLA\",\"title\":\"市委政法委书记\"}]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.posts.length()").value(2))
                .andExpect(jsonPath("$.phone").value("0731-2888888"))
                .andReturn().getResponse().getContentAsString();
        int id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        api.get("/api/v1/people/" + id, api.tokenFor("RAISER", null))
                .andExpect(jsonPath("$.name").value("测试人"))
                .andExpect(jsonPath("$.phone").doesNotExist());
        api.get("/api/v1/people?q=胡长春", admin)
                .andExpect(jsonPath("$[0].posts[*].title", hasItem("市委政法委书记")));
    }

    @Test
    void auditsEveryChange() throws Exception {
        String code = "AUD-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"Before\",\"kind\":\"OTHER\"}");
        api.put("/api/v1/orgs/" + code, admin, "{\"name\":\"After\",\"kind\":\"OTHER\"}");
        AuditChain.awaitChained(jdbc);
        var actions = jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'org' AND entity_id = :id ORDER BY seq")
                .param("id", code).query(String.class).list();
        assertThat(actions).containsExactly("org.created", "org.updated");
        String change = jdbc.sql("SELECT before_state || ' -> ' || after_state FROM audit_entry WHERE entity_id = :id "
                + "AND action = 'org.updated'").param("id", code).query(String.class).single();
        assertThat(change).contains("Before").contains("After");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE entity_id = :id AND action = 'org.created'")
                .param("id", code).query(String.class).single()).isEqualTo("admin");
    }

    private long orgCount() {
        return jdbc.sql("SELECT COUNT(*) FROM org").query(Long.class).single();
    }
}
