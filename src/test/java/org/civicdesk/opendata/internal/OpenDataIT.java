package org.civicdesk.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

/**
 * The open-data archive: a CSV file per dataset with a dictionary and the licence, kept in the database
 * and listed on the catalogue page; and nothing in it that names or reaches a person who raised a
 * matter, applied to a call or gave anonymously.
 */
@IntegrationTest
class OpenDataIT {

    private static final String ARCHIVE = "/public/data/" + OpenDataArchive.FILE_NAME;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OpenDataArchive archive;

    @Test
    void theArchiveHoldsEachDatasetWithItsDictionaryAndLicenceAndTheCatalogueListsThem() throws Exception {
        OpenDataArchive.Release release = archive.refresh();
        Map<String, String> files = download(release);

        assertThat(files.keySet()).contains("answers.csv", "places.csv", "honours.csv", "charity_campaigns.csv",
                "charity_donations.csv", "public_documents.csv", "dictionary.csv", "LICENCE.txt");
        long places = jdbc.sql("SELECT COUNT(*) FROM place").query(Long.class).single();
        String[] placeLines = files.get("places.csv").split("\r\n");
        assertThat(placeLines[0]).isEqualTo("\uFEFFid,name,kind,level,district,address,lat,lon,approximate,capacity,"
                + "opening_hours,contact,example");
        assertThat(placeLines).hasSize((int) places + 1);
        assertThat(files.get("places.csv")).contains("炎陵县水口镇叶家村,TEACHING_POINT,MUNICIPAL,炎陵县");
        assertThat(release.files()).filteredOn(f -> f.name().equals("places")).singleElement()
                .satisfies(f -> assertThat(f.rows()).isEqualTo(places));
        assertThat(files.get("dictionary.csv")).contains("places.csv,opening_hours,").contains("answers.csv,answer,");
        assertThat(files.get("LICENCE.txt")).contains("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/");

        // The pages' policy lets images come from the configured base map's servers and no others.
        String page = api.get("/public/data", null).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        containsString("img-src 'self' data: https://tile.openstreetmap.org; ")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("places.csv", "dictionary.csv", "CC BY 4.0", release.sha256(), ARCHIVE);
    }

    @Test
    void noRaiserApplicantOrAnonymousDonorAndNoContactDetailReachesTheArchive() throws Exception {
        String tag = "开放" + Api.unique().replaceAll("[^a-z]", "");
        Api.Account raiser = api.account("RAISER", null);
        String matter = api.post("/api/v1/matters", raiser.token(), "{\"type\":\"SUGGESTION\",\"title\":\"" + tag
                + "建议\",\"content\":\"" + tag + " 联系 139 1234 5678，邮箱 kai.fang@example.com，身份证 430202199001011234\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String assigned = api.post("/api/v1/matters/" + JsonPath.read(matter, "$.id") + "/assignments",
                api.tokenFor("SUPERVISOR", "ZZ-NPC"), "{\"lead\":\"ZZ-DRC\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String drc = api.tokenFor("HANDLER", "ZZ-DRC");
        String lead = "/api/v1/cases/" + JsonPath.read(assigned, "$.cases[0].id");
        api.post(lead + "/sign", drc, "").andExpect(status().isOk());
        api.post(lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"" + tag + "已答复，回电 0731-28681234\"}")
                .andExpect(status().isOk());

        String call = "od-" + Api.unique();
        api.post("/api/v1/calls", api.adminToken(), "{\"code\":\"" + call + "\",\"title\":\"" + tag + "征集\","
                + "\"groups\":[{\"code\":\"A\",\"quota\":5}]}").andExpect(status().isCreated());
        String applicant = "申请人" + tag;
        api.post("/api/v1/public/calls/" + call + "/applications", null, "{\"group\":\"A\",\"name\":\"" + applicant
                + "\",\"sex\":\"F\",\"birthDate\":\"1990-01-01\",\"phone\":\"13712345678\"}")
                .andExpect(status().isCreated());

        String officer = api.tokenFor("CHARITY_OFFICER", null);
        String campaign = "od-" + Api.unique();
        api.post("/api/v1/campaigns", officer, "{\"code\":\"" + campaign + "\",\"name\":\"" + tag + "募捐\"}")
                .andExpect(status().isCreated());
        String hidden = "匿名者" + tag;
        String named = "具名者" + tag;
        api.postKeyed("/api/v1/donations", officer, "od-a-" + Api.unique(), "{\"campaign\":\"" + campaign
                + "\",\"amount\":\"100.00\",\"donorName\":\"" + hidden + "\",\"anonymous\":true}")
                .andExpect(status().isCreated());
        api.postKeyed("/api/v1/donations", officer, "od-n-" + Api.unique(), "{\"campaign\":\"" + campaign
                + "\",\"amount\":\"50.00\",\"donorName\":\"" + named + "\",\"anonymous\":false}")
                .andExpect(status().isCreated());

        String everything = String.join("\n", download(archive.refresh()).values());
        assertThat(everything).contains(tag + "建议", tag + "已答复", tag + "征集", named + ",", campaign + ",",
                "100.00", "50.00");
        assertThat(everything).doesNotContain(raiser.username(), applicant, "13712345678", hidden, "1391234",
                "139 1234", "kai.fang", "4302021990", "28681234");
    }

    /** The archive as anyone downloads it, file by file, and checks that it is the release just built. */
    private Map<String, String> download(OpenDataArchive.Release release) throws Exception {
        byte[] zip = api.get(ARCHIVE, null).andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string("ETag", "\"" + release.sha256() + "\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(zip).hasSize((int) release.size());
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
