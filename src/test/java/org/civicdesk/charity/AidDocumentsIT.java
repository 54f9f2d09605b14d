package org.civicdesk.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.civicdesk.support.Api;
import org.civicdesk.support.Api.Account;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * Documents attached to aid applications and insurance claims, served only to those who may see the
 * record; and community workers, who apply for aid on a resident's behalf.
 */
@IntegrationTest
class AidDocumentsIT {

    @Autowired
    Api api;

    String officer;
    String programme;

    @BeforeEach
    void setUp() throws Exception {
        officer = api.tokenFor("CHARITY_OFFICER", null);
        programme = "AID-" + Api.unique();
        api.post("/api/v1/aid/programmes", officer, "{\"code\":\"" + programme + "\",\"name\":\"救助测试\","
                + "\"eligibleCategories\":\"LOW_INCOME\",\"validFrom\":\"2023-01-01\"}").andExpect(status().isCreated());
    }

    @Test
    void theApplicantAttachesWhileItWaitsAndOnlyThoseWhoSeeTheApplicationDownload() throws Exception {
        Account resident = api.account("RAISER", null);
        long id = apply(resident.token(), "");
        byte[] pdf = "%PDF-1.4 诊断证明".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String base = "/api/v1/aid/applications/" + id + "/attachments";
        String created = upload(base, resident.token(), new MockMultipartFile("file", "诊断证明.pdf", "application/pdf", pdf))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.sizeBytes").value(pdf.length))
                .andExpect(jsonPath("$.sha256").value(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))))
                .andExpect(jsonPath("$.uploadedBy").value(resident.username()))
                .andReturn().getResponse().getContentAsString();
        long attachment = ((Number) JsonPath.read(created, "$.id")).longValue();

        assertThat(api.get(base + "/" + attachment, officer).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(pdf);
        api.get(base, resident.token()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].filename").value("诊断证明.pdf"));
        String stranger = api.tokenFor("RAISER", null);
        api.get(base + "/" + attachment, stranger).andExpect(status().isForbidden());
        api.get(base, stranger).andExpect(status().isForbidden());
        upload(base, stranger, new MockMultipartFile("file", "x.pdf", "application/pdf", pdf))
                .andExpect(status().isForbidden());
        api.get(base + "/" + attachment, null).andExpect(status().isUnauthorized());

        upload(base, resident.token(), new MockMultipartFile("file", "x.exe", "application/x-msdownload", new byte[] { 1 }))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("只接受 PDF、图片、Word、Excel 或文本文件。"));
        upload(base, resident.token(), new MockMultipartFile("file", "big.pdf", "application/pdf",
                new byte[10 * 1024 * 1024 + 1])).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("文件不能超过 10 MB。"));
        upload(base, resident.token(), new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        api.get(base, officer).andExpect(jsonPath("$.length()").value(1));

        api.post("/api/v1/aid/applications/" + id + "/decision", officer, "{\"approve\":true}").andExpect(status().isOk());
        upload(base, resident.token(), new MockMultipartFile("file", "late.pdf", "application/pdf", pdf))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
        upload(base, officer, new MockMultipartFile("file", "走访记录.png", "image/png", new byte[] { 1, 2 }))
                .andExpect(status().isCreated());
        api.get(base, resident.token()).andExpect(jsonPath("$.length()").value(2));
        api.get(base + "/999999999", officer).andExpect(status().isNotFound());
    }

    @Test
    void claimsTakeDocumentsFromOfficersOnly() throws Exception {
        int year = 2049;
        api.post("/api/v1/insurance/policies", officer, "{\"year\":" + year + ",\"insuredPeople\":10,"
                + "\"premium\":\"10\"}").andReturn();
        String body = api.post("/api/v1/insurance/policies/" + year + "/claims", officer, "{\"claimant\":\"参保市民\","
                + "\"incident\":\"摔伤\",\"incidentOn\":\"" + year + "-03-01\",\"amountClaimed\":\"100\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long claim = ((Number) JsonPath.read(body, "$.id")).longValue();
        String base = "/api/v1/insurance/policies/" + year + "/claims/" + claim + "/attachments";
        upload(base, officer, new MockMultipartFile("file", "发票.jpg", "image/jpeg", new byte[] { 9, 9, 9 }))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sizeBytes").value(3));
        String resident = api.tokenFor("RAISER", null);
        upload(base, resident, new MockMultipartFile("file", "x.jpg", "image/jpeg", new byte[] { 1 }))
                .andExpect(status().isForbidden());
        api.get(base, resident).andExpect(status().isForbidden());
        api.get(base, officer).andExpect(jsonPath("$.length()").value(1));
        api.get("/api/v1/insurance/policies/" + (year - 1) + "/claims/" + claim + "/attachments", officer)
                .andExpect(status().isNotFound());
    }

    @Test
    void aCommunityWorkerAppliesForAResidentWhoSeesItAsTheirs() throws Exception {
        String community = org("COMMUNITY");
        Account worker = api.account("HANDLER", community);
        Account resident = api.account("RAISER", null);
        long id = apply(worker.token(), "\"applicant\":\"" + resident.username() + "\",");
        api.get("/api/v1/aid/applications/" + id, resident.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.applicant").value(resident.username()))
                .andExpect(jsonPath("$.filedBy").value(worker.username()));
        api.get("/api/v1/aid/applications/" + id, worker.token()).andExpect(status().isOk());
        upload("/api/v1/aid/applications/" + id + "/attachments", worker.token(),
                new MockMultipartFile("file", "困难证明.pdf", "application/pdf", new byte[] { 1 }))
                .andExpect(status().isCreated());

        long unnamed = apply(worker.token(), "\"applicantName\":\"无账号居民\",");
        api.get("/api/v1/aid/applications/" + unnamed, worker.token()).andExpect(jsonPath("$.applicantName")
                .value("无账号居民")).andExpect(jsonPath("$.applicant").doesNotExist());

        String department = api.tokenFor("HANDLER", org("GOVERNMENT"));
        api.post("/api/v1/aid/programmes/" + programme + "/applications", department, "{\"applicant\":\""
                + resident.username() + "\",\"category\":\"LOW_INCOME\",\"amountRequested\":\"100\",\"reason\":\"困难\"}")
                .andExpect(status().isForbidden());
        api.get("/api/v1/aid/applications/" + id, department).andExpect(status().isForbidden());
        long own = apply(resident.token(), "");
        api.get("/api/v1/aid/applications/" + own, resident.token()).andExpect(jsonPath("$.filedBy")
                .value(resident.username()));
        api.get("/api/v1/aid/applications/" + own, worker.token()).andExpect(status().isForbidden());
    }

    @Test
    void onThePagesTheDemoCommunityWorkerFilesForTheResidentWhoFollowsItAndItsDocuments() throws Exception {
        Cookie worker = signIn("community");
        api.mvc().perform(get("/aid/programmes/ILLNESS-2023/apply").cookie(worker)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"applicantName\"")));
        String application = api.mvc().perform(post("/aid/programmes/ILLNESS-2023/applications").cookie(worker)
                .with(csrf()).param("applicant", "raiser").param("category", "MEDICAL_POVERTY")
                .param("amountRequested", "3000").param("reason", "住院自付较多").param("localHukou", "true")
                .param("insured", "true").param("key", Api.unique()))
                .andExpect(redirectedUrlPattern("/aid/applications/*")).andReturn().getResponse().getRedirectedUrl();
        api.mvc().perform(multipart(application + "/attachments").file(new MockMultipartFile("file", "x.exe",
                "application/x-msdownload", new byte[] { 1 })).cookie(worker).with(csrf()))
                .andExpect(redirectedUrl(application));
        api.mvc().perform(multipart(application + "/attachments").file(new MockMultipartFile("file", "住院发票.pdf",
                "application/pdf", new byte[] { 7, 7 })).cookie(worker).with(csrf()))
                .andExpect(redirectedUrl(application));
        Cookie resident = signIn("raiser");
        String page = api.mvc().perform(get(application).cookie(resident)).andExpect(status().isOk())
                .andExpect(content().string(containsString("住院发票.pdf")))
                .andExpect(content().string(containsString("id=\"filed-by\"")))
                .andReturn().getResponse().getContentAsString();
        String link = page.replaceAll("(?s).*href=\"(" + application + "/attachments/\\d+)\".*", "$1");
        assertThat(api.mvc().perform(get(link).cookie(resident)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).containsExactly(7, 7);
        api.mvc().perform(get(link).cookie(signIn("entrepreneur"))).andExpect(status().isForbidden());
        api.mvc().perform(get("/aid/applications").cookie(resident))
                .andExpect(content().string(containsString(application)));
    }

    private Cookie signIn(String username) throws Exception {
        return api.mvc().perform(formLogin().user(username).password("civicdesk-demo"))
                .andExpect(redirectedUrl("/desk")).andReturn().getResponse().getCookie("SESSION");
    }

    private long apply(String token, String who) throws Exception {
        String body = api.post("/api/v1/aid/programmes/" + programme + "/applications", token, "{" + who
                + "\"category\":\"LOW_INCOME\",\"amountRequested\":\"500\",\"reason\":\"生活困难\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String org(String kind) throws Exception {
        String code = "ORG-" + Api.unique();
        api.post("/api/v1/orgs", api.adminToken(), "{\"code\":\"" + code + "\",\"name\":\"机构 " + code
                + "\",\"kind\":\"" + kind + "\"}").andExpect(status().isCreated());
        return code;
    }

    private ResultActions upload(String path, String token, MockMultipartFile file) throws Exception {
        return api.mvc().perform(multipart(path).file(file).header("Authorization", "Bearer " + token));
    }
}
