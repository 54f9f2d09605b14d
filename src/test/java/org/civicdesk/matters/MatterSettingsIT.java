package org.civicdesk.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class MatterSettingsIT {

    @Autowired
    Api api;

    @Test
    void attachesFilesThatOnlyThoseWhoSeeTheMatterCanFetch() throws Exception {
        String raiser = api.tokenFor("RAISER", null);
        String body = api.post("/api/v1/matters", raiser, "{\"type\":\"APPEAL\",\"title\":\"t\",\"content\":\"c\"}")
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        byte[] pdf = "%PDF-1.4 letter".getBytes();
        String created = api.mvc().perform(multipart("/api/v1/matters/" + id + "/attachments")
                .file(new MockMultipartFile("file", "来信.pdf", "application/pdf", pdf))
                .header("Authorization", "Bearer " + raiser))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sizeBytes").value(pdf.length))
                .andReturn().getResponse().getContentAsString();
        long attachment = ((Number) JsonPath.read(created, "$.id")).longValue();
        byte[] back = api.get("/api/v1/matters/" + id + "/attachments/" + attachment, raiser)
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(pdf);
        api.get("/api/v1/matters/" + id + "/attachments/" + attachment, api.tokenFor("RAISER", null))
                .andExpect(status().isForbidden());
        api.mvc().perform(multipart("/api/v1/matters/" + id + "/attachments")
                .file(new MockMultipartFile("file", "x.exe", "application/x-msdownload", new byte[] { 1 }))
                .header("Authorization", "Bearer " + raiser))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        api.get("/api/v1/matters/" + id + "/attachments", raiser).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anAdministratorSetsTimeLimitsAndTheCalendar() throws Exception {
        String admin = api.adminToken();
        String supervisor = api.tokenFor("SUPERVISOR", null);
        api.get("/api/v1/matters/time-limits", supervisor)
                .andExpect(jsonPath("$[?(@.type == 'SUGGESTION')].leadAmount").value(org.hamcrest.Matchers.hasItem(3)));
        String limit = "{\"unit\":\"WORKING_DAYS\",\"leadAmount\":13,\"coAmount\":5,\"urgentDays\":3,"
                + "\"rehandleAmount\":13,\"maxTotalAmount\":39,\"returnWindowDays\":1,\"closeUnratedDays\":10}";
        api.put("/api/v1/matters/time-limits/APPEAL", supervisor, limit).andExpect(status().isForbidden());
        api.put("/api/v1/matters/time-limits/APPEAL", admin, limit.replace("\"leadAmount\":13", "\"leadAmount\":-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("leadAmount"));
        api.put("/api/v1/matters/time-limits/APPEAL", admin, limit).andExpect(status().isOk())
                .andExpect(jsonPath("$.leadAmount").value(13));

        api.get("/api/v1/calendar/2023", admin).andExpect(jsonPath("$[?(@.day == '2023-01-28')].kind")
                .value(org.hamcrest.Matchers.hasItem("MAKEUP_WORKDAY")));
        api.get("/api/v1/calendar/days/2030-05-06", admin).andExpect(jsonPath("$.workingDay").value(true));
        api.put("/api/v1/calendar/days/2030-05-06", supervisor, "{\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"}")
                .andExpect(status().isForbidden());
        api.put("/api/v1/calendar/days/2030-05-06", admin, "{\"kind\":\"FEAST\"}").andExpect(status().isBadRequest());
        api.put("/api/v1/calendar/days/2030-05-06", admin, "{\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"}")
                .andExpect(status().isOk());
        api.get("/api/v1/calendar/days/2030-05-06", admin).andExpect(jsonPath("$.workingDay").value(false));
        api.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/calendar/days/2030-05-06").header("Authorization", "Bearer " + admin))
                .andExpect(status().isNoContent());
        api.get("/api/v1/calendar/days/2030-05-06", admin).andExpect(jsonPath("$.workingDay").value(true));
    }
}
