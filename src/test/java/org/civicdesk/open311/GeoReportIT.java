package org.civicdesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.w3c.dom.Document;

import com.jayway.jsonpath.JsonPath;

/**
 * Open311 GeoReport v2 as a FixMyStreet-style client uses it: the service list, a request submitted
 * form-encoded in JSON and in XML, read back in both formats, followed until its appeal closes, and each
 * refusal in the standard's error format.
 */
@IntegrationTest
class GeoReportIT {

    private static final String SERVICE = "交通出行";

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    String apiKey;

    @BeforeEach
    void key() throws Exception {
        String issued = api.post("/api/v1/open311/keys", api.adminToken(), "{\"name\":\"随手拍 " + Api.unique() + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.apiKey").isString())
                .andReturn().getResponse().getContentAsString();
        apiKey = JsonPath.read(issued, "$.apiKey");
    }

    @Test
    void aRequestBecomesAnAppealThatClientsFollowUntilItCloses() throws Exception {
        clock.set("2023-03-01T09:00:00+08:00");
        api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/services.json"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[?(@.service_code == '" + SERVICE + "')].metadata").value(false))
                .andExpect(jsonPath("$[?(@.service_code == '" + SERVICE + "')].type").value("realtime"));
        Document services = xml(api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/services.xml")));
        assertThat(xpath(services, "count(/services/service)")).isNotEqualTo("0");
        Document definition = xml(api.mvc().perform(
                MockMvcRequestBuilders.get("/open311/v2/services/{code}.xml", SERVICE)));
        assertThat(xpath(definition, "/service_definition/service_code")).isEqualTo(SERVICE);

        String submitted = submit("json", form("api_key", apiKey, "service_code", SERVICE, "lat", "27.8274",
                "long", "113.1339", "first_name", "小明", "phone", "13912345678", "email", "ming@example.com",
                "description", "建设路口红绿灯坏了\n早高峰很拥堵", "media_url", "https://example.com/1.jpg"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].service_request_id").isNumber())
                .andExpect(jsonPath("$[0].service_notice").isString())
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(submitted, "$[0].service_request_id")).longValue();
        Document byXml = xml(submit("xml", form("api_key", apiKey, "service_code", SERVICE,
                "address_string", "芦淞区建设中路 1 号", "address_id", "A-1", "description", "路灯不亮"))
                .andExpect(status().isCreated()));
        long second = Long.parseLong(xpath(byXml, "/service_requests/request/service_request_id"));

        String supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        api.get("/api/v1/matters/" + id, supervisor).andExpect(jsonPath("$.type").value("APPEAL"))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.title").value("建设路口红绿灯坏了"));
        api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/requests/{id}.json", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value(SERVICE))
                .andExpect(jsonPath("$[0].lat").value(27.8274))
                .andExpect(jsonPath("$[0].long").value(113.1339))
                .andExpect(jsonPath("$[0].media_url").value("https://example.com/1.jpg"))
                .andExpect(jsonPath("$[0].requested_datetime").value("2023-03-01T09:00:00+08:00"))
                .andExpect(jsonPath("$[0].expected_datetime").isString())
                .andExpect(jsonPath("$[0].first_name").doesNotExist())
                .andExpect(content().string(not(containsString("13912345678"))))
                .andExpect(content().string(not(containsString("ming@"))));
        api.mvc().perform(MockMvcRequestBuilders.get("/public/reports/map")).andExpect(status().isOk())
                .andExpect(content().string(containsString("建设路口红绿灯坏了")))
                .andExpect(content().string(not(containsString("小明"))));
        Document second311 = xml(api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/requests/{id}.xml", second)));
        assertThat(xpath(second311, "/service_requests/request/address")).isEqualTo("芦淞区建设中路 1 号");
        assertThat(xpath(second311, "/service_requests/request/address_id")).isEqualTo("A-1");
        assertThat(xpath(second311, "/service_requests/request/status")).isEqualTo("open");
        api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/requests.json")
                .param("service_request_id", id + "," + second))
                .andExpect(jsonPath("$.length()").value(2));

        String assigned = api.post("/api/v1/matters/" + id + "/assignments", supervisor, "{\"lead\":\"ZZ-DRC\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long lead = ((Number) JsonPath.read(assigned, "$.cases[0].id")).longValue();
        String drc = api.tokenFor("HANDLER", "ZZ-DRC");
        api.post("/api/v1/cases/" + lead + "/sign", drc, "").andExpect(status().isOk());
        api.post("/api/v1/cases/" + lead + "/answer", drc, "{\"category\":\"A\",\"text\":\"信号灯已修复。\"}")
                .andExpect(status().isOk());
        api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/requests/{id}.json", id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("信号灯已修复。"))
                .andExpect(jsonPath("$[0].agency_responsible").isString());

        clock.set("2023-03-31T09:00:00+08:00");
        supervisor = api.tokenFor("SUPERVISOR", "ZZ-NPC");
        api.post("/api/v1/matters/" + id + "/close", supervisor, "").andExpect(status().isOk());
        api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/requests/{id}.json", id))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].updated_datetime").value("2023-03-31T09:00:00+08:00"))
                .andExpect(jsonPath("$[0].expected_datetime").value(nullValue()));
        Document closed = xml(api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/requests.xml")
                .param("service_code", SERVICE).param("status", "closed")
                .param("start_date", "2023-03-01T00:00:00+08:00").param("end_date", "2023-03-02T00:00:00+08:00")));
        assertThat(xpath(closed, "/service_requests/request[service_request_id='" + id + "']/status"))
                .isEqualTo("closed");
        assertThat(xpath(closed, "count(/service_requests/request[service_request_id='" + second + "'])"))
                .isEqualTo("0");
    }

    @Test
    void refusalsComeInTheStandardsErrorFormat() throws Exception {
        submit("json", form("service_code", SERVICE, "lat", "27.8", "long", "113.1")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403)).andExpect(jsonPath("$[0].description").isString());
        Document invalidKey = xml(submit("xml", form("api_key", "o311_nope", "service_code", SERVICE, "lat", "27.8",
                "long", "113.1")).andExpect(status().isForbidden()));
        assertThat(xpath(invalidKey, "/errors/error/code")).isEqualTo("403");
        submit("json", form("api_key", apiKey, "service_code", "NO-SUCH", "lat", "27.8", "long", "113.1"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$[0].code").value(404));
        submit("json", form("api_key", apiKey, "service_code", SERVICE, "description", "无地点"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value(containsString("location")));
        Document badLat = xml(submit("xml", form("api_key", apiKey, "service_code", SERVICE, "lat", "north",
                "long", "113.1")).andExpect(status().isBadRequest()));
        assertThat(xpath(badLat, "/errors/error/description")).contains("lat");
        submit("json", form("api_key", apiKey, "service_code", SERVICE, "lat", "27.8", "long", "200"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].description")
                        .value(containsString("long")));
        api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/requests/{id}.json", Long.MAX_VALUE))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$[0].code").value(404));
        api.mvc().perform(MockMvcRequestBuilders.get("/open311/v2/services/{code}.json", "NO-SUCH"))
                .andExpect(status().isNotFound());

        api.get("/admin/open311", api.adminToken()).andExpect(status().isOk())
                .andExpect(content().string(containsString(apiKey.substring(0, 9))))
                .andExpect(content().string(not(containsString(apiKey))));
        String issued = api.get("/api/v1/open311/keys", api.adminToken()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Number> clientIds = JsonPath.read(issued, "$[?(@.keyPrefix == '" + apiKey.substring(0, 9) + "')].id");
        Number clientId = clientIds.get(0);
        api.delete("/api/v1/open311/keys/" + clientId, api.adminToken()).andExpect(status().isNoContent());
        submit("json", form("api_key", apiKey, "service_code", SERVICE, "lat", "27.8", "long", "113.1"))
                .andExpect(status().isForbidden());
        api.post("/api/v1/open311/keys", api.tokenFor("SUPERVISOR", "ZZ-NPC"), "{\"name\":\"x\"}")
                .andExpect(status().isForbidden());
    }

    private ResultActions submit(String format, String body) throws Exception {
        return api.mvc().perform(MockMvcRequestBuilders.post("/open311/v2/requests." + format)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body));
    }

    private static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Document xml(ResultActions result) throws Exception {
        byte[] body = result.andExpect(header().string("Content-Type", startsWith("text/xml")))
                .andReturn().getResponse().getContentAsByteArray();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static String xpath(Document document, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, document);
    }
}
