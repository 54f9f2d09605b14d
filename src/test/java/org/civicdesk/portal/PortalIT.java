package org.civicdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The front page shows the demo city's figures by itself, as the reporter counted them by hand; the
 * dashboards chart every table they print and give each as CSV and as a workbook in one language.
 */
@IntegrationTest
class PortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    @Test
    void theFrontPageNamesTheCityAndShowsWhatThePaperCountedByHand() throws Exception {
        String home = page("/");
        assertThat(home).contains("<h1 class=\"display-6 fw-semibold\" id=\"home-heading\">株洲市民生议事台</h1>");
        assertThat(card(home, "series-breakfast")).contains(">150<").contains("已办结 147").contains("办理中 3");
        assertThat(card(home, "series-npc-16")).contains(">239<").contains("交办为 577 件办件");
        assertThat(card(home, "campaign-99GD-2022")).contains("15,926,000.00");
        String stats = api.get("/api/v1/public/stats/matters", null).andReturn().getResponse().getContentAsString();
        assertThat(card(home, "matters-raised")).contains(String.format(">%,d<", (int) JsonPath.read(stats, "$.items")));
        assertThat(card(home, "matters-in-progress"))
                .contains(String.format(">%,d<", (int) JsonPath.read(stats, "$.inProgress")));
        assertThat(card(home, "matters-on-time")).containsPattern(">\\d{1,3}\\.\\d%<");
        assertThat(card(home, "donations-this-year")).contains("年捐赠");
        assertThat(card(home, "meetings-this-month")).contains("本月会议");
        // The latest notices, meetings and answers each lead to their own pages; every place is on the map.
        assertThat(home).contains("href=\"/public/notices/").contains("href=\"/public/meetings/")
                .contains("href=\"/public/answers/");
        assertThat(Pattern.compile("&quot;lat&quot;:").matcher(home).results().count()).isGreaterThanOrEqualTo(31);
        assertThat(home).contains("id=\"home-map\"");

        String english = page("/?lang=en");
        assertThat(english).contains("Zhuzhou Civic Desk").contains("Assigned as 577 cases");
    }

    @Test
    void theDashboardsChartTheirTablesAndDownloadEachAsCsvAndExcel() throws Exception {
        String places = api.get("/api/v1/public/places", null).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long place = ((Number) JsonPath.read(places, "$[0].id")).longValue();
        String placeName = JsonPath.read(places, "$[0].name");
        String booked = api.post("/api/v1/places/" + place + "/bookings", api.account("RAISER", "ZZ-JINXIU").token(),
                "{\"date\":\"" + LocalDate.now().plusDays(40) + "\",\"startTime\":\"09:00\",\"endTime\":\"10:00\","
                        + "\"groupSize\":2,\"topic\":\"看板\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        api.post("/api/v1/bookings/" + JsonPath.read(booked, "$.id") + "/confirm", api.adminToken(), "")
                .andExpect(status().isOk());

        String dashboards = page("/public/stats");
        for (String table : new String[] { "matters-by-source", "matters-by-department", "matters-by-month",
                "matters-trends", "departments-league", "charity-income-aid", "bookings-by-place",
                "projects-by-stage" }) {
            assertThat(dashboards).contains("id=\"" + table + "-table\"").contains("data-table=\"" + table + "-table\"")
                    .contains("href=\"/public/stats/" + table + ".csv\"").contains("href=\"/public/stats/" + table + ".xlsx\"");
        }
        assertThat(dashboards).contains("data-chart=\"line\"").contains("株洲市财政局");
        assertThat(dashboards).as("nothing personal: no mobile number").doesNotContainPattern("1[3-9]\\d{9}");

        byte[] csv = mvc.perform(get("/public/stats/matters-by-source.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF来源,事项,办件,已办结,办理中\r\n");
        assertThat(text).containsPattern("\r\n[^\r\n]*早餐会[^\r\n]*,150,\\d+,147,3\r\n");

        String bookings = new String(mvc.perform(get("/public/stats/bookings-by-place.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(bookings).containsPattern("\r\n" + Pattern.quote(placeName) + ",[1-9]\\d*,");

        byte[] xlsx = mvc.perform(get("/public/stats/departments-league.xlsx?lang=en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("League table of departments");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("All matters; ranked by on-time rate")
                    .contains("; Figures as of ");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("On-time rate (%)");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).startsWith("1. ");
            // Our words in one language; the departments are named as they name themselves.
            for (int r = 0; r <= 2; r++) {
                for (Cell c : sheet.getRow(r)) {
                    assertThat(c.getStringCellValue()).as("one language").doesNotContainPattern("\\p{IsHan}");
                }
            }
        }
        mvc.perform(get("/public/stats/no-such-table.csv")).andExpect(status().isNotFound());
        mvc.perform(get("/public/stats/no-such-table.xlsx")).andExpect(status().isNotFound());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The figure's card on the front page, up to the next card. */
    private static String card(String home, String id) {
        Matcher m = Pattern.compile("id=\"figure-" + Pattern.quote(id) + "\"(.*?)(id=\"figure-|</section>)",
                Pattern.DOTALL).matcher(home);
        assertThat(m.find()).as("the card of " + id).isTrue();
        return m.group(1);
    }
}
