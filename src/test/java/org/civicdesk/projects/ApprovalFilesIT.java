package org.civicdesk.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The file of a project's required approval: attached by who may tick it, read by staff, never public. */
@IntegrationTest
class ApprovalFilesIT {

    @Autowired
    Api api;

    @Test
    void whoMayTickAttachesStaffReadAndThePublicNever() throws Exception {
        String admin = api.adminToken();
        String supervisor = api.tokenFor("SUPERVISOR", null);
        String owner = org(admin);
        String issuer = org(admin);
        String batch = "B-" + Api.unique();
        api.post("/api/v1/project-batches", supervisor, "{\"code\":\"" + batch + "\",\"name\":\"批次\","
                + "\"requiredApprovals\":[{\"code\":\"LAND\",\"name\":\"用地预审\"}]}").andExpect(status().isCreated());
        String project = "P-" + Api.unique();
        api.post("/api/v1/projects", supervisor, "{\"code\":\"" + project + "\",\"batch\":\"" + batch
                + "\",\"name\":\"示范道路\",\"ownerOrg\":\"" + owner + "\",\"amountRequested\":\"100\"}")
                .andExpect(status().isCreated());
        String base = "/api/v1/projects/" + project + "/approvals/LAND/attachments";
        byte[] pdf = "%PDF-1.4 用地预审意见".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String ownersHandler = api.tokenFor("HANDLER", owner);
        String created = upload(base, ownersHandler, new MockMultipartFile("file", "预审意见.pdf", "application/pdf", pdf))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sizeBytes").value(pdf.length))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        String otherHandler = api.tokenFor("HANDLER", issuer);
        upload(base, otherHandler, new MockMultipartFile("file", "x.pdf", "application/pdf", pdf))
                .andExpect(status().isForbidden());
        assertThat(api.get(base + "/" + id, otherHandler).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(pdf);
        api.get(base, supervisor).andExpect(jsonPath("$[0].filename").value("预审意见.pdf"));
        api.get(base, api.tokenFor("RAISER", null)).andExpect(status().isForbidden());
        api.get(base + "/" + id, null).andExpect(status().isUnauthorized());
        api.get("/api/v1/projects/" + project + "/approvals/NOPE/attachments", supervisor)
                .andExpect(status().isNotFound());
        upload(base, supervisor, new MockMultipartFile("file", "x.html", "text/html", new byte[] { 1 }))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));

        api.get("/public/projects/" + project, null).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("预审意见.pdf"))));
        api.get("/public/projects/" + project, supervisor).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("预审意见.pdf")));
        api.get("/projects/" + project + "/approvals/LAND/attachments/" + id, api.tokenFor("RAISER", null))
                .andExpect(status().isForbidden());
    }

    private String org(String admin) throws Exception {
        String code = "ORG-" + Api.unique();
        api.post("/api/v1/orgs", admin, "{\"code\":\"" + code + "\",\"name\":\"机构 " + code
                + "\",\"kind\":\"GOVERNMENT\"}").andExpect(status().isCreated());
        return code;
    }

    private ResultActions upload(String path, String token, MockMultipartFile file) throws Exception {
        return api.mvc().perform(multipart(path).file(file).header("Authorization", "Bearer " + token));
    }
}
