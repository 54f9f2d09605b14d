package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * Every form that a page sends back when refused ({@link FormPage}) and that lives at an address of
 * its own is sent empty, and the page it comes back to must show the one error pattern: a summary
 * whose every entry names its field by its label and links to it, the field marked invalid and
 * described by its message beside it. A new form is walked without being listed here.
 */
@IntegrationTest
class FormErrorSummariesIT {

    /** Forms for which nothing is a valid answer, so an empty one is saved rather than refused. */
    private static final Set<String> EMPTY_IS_VALID = Set.of(
            "/notifications/settings", // every channel may be left unticked
            "/public/password-reset", // says the same whether or not an account matched, so as not to tell
            "/public/notice-subscriptions", // signed in, no kind ticked is following none
            "/public/track/evaluation"); // without an appeal tracked on this browser there is nothing to rate

    private static final Pattern SUMMARY = Pattern.compile("<div[^>]*data-error-summary[^>]*>(.*?)</div>",
            Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(input|textarea|select)\\b[^>]*>");
    private static final Pattern ITEM = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("^\\s*<a href=\"#([\\w.\\-]+)\">([^<]+)</a>\\s*$");
    /** label：message in Chinese, the first page language. */
    private static final Pattern NAMED = Pattern.compile("^\\S.*：.+$");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRefusedFormNamesAndLinksEachBadField() throws Exception {
        // The admin may send most forms; the charity office's are its own.
        List<Cookie> sessions = List.of(signIn("admin", Api.ADMIN_PASSWORD), signIn("charity", "civicdesk-demo"));
        List<String> walked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            FormPage page = m.getValue().getMethodAnnotation(FormPage.class);
            if (page == null || !hasForm(m.getValue())
                    || !m.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            for (String path : m.getKey().getPatternValues()) {
                if (path.contains("{") || page.value().contains("{") || EMPTY_IS_VALID.contains(path)) {
                    continue;
                }
                for (Cookie session : sessions) {
                    MockHttpServletResponse sent = api.mvc().perform(post(path).cookie(session).with(csrf()))
                            .andReturn().getResponse();
                    if (page.value().equals(sent.getRedirectedUrl())) {
                        String html = api.mvc().perform(get(page.value()).cookie(session)).andReturn().getResponse()
                                .getContentAsString();
                        walked.add(path);
                        problems.addAll(check(path, html));
                        break;
                    } // else not this account's form (403)
                }
            }
        }
        assertThat(walked).as("forms walked").hasSizeGreaterThanOrEqualTo(12);
        assertThat(problems).as("in " + new TreeSet<>(walked)).isEmpty();
    }

    /**
     * Every form repeated on the rows of a list ({@link FormPage#row}) is sent from one row of a page
     * with a value no field takes in each field it shows; the page must show the pattern on that row
     * only, with ids of that row. A new one fails here until {@link #rowPages} names a page with a row.
     */
    @Test
    void everyRefusedRowFormShowsItsErrorsOnItsRowOnly() throws Exception {
        Map<String, RowPage> pages = rowPages();
        List<String> walked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            FormPage page = m.getValue().getMethodAnnotation(FormPage.class);
            if (page == null || page.row().isEmpty()) {
                continue;
            }
            for (String path : m.getKey().getPatternValues()) {
                RowPage at = pages.get(page.value());
                assertThat(at).as("a page with a row of " + path).isNotNull();
                String html = api.mvc().perform(get(at.address()).cookie(at.session())).andReturn().getResponse()
                        .getContentAsString();
                Matcher form = Pattern.compile("<form[^>]*action=\"(" + path.replaceAll("\\{[^}]+}", "[^/\"]+")
                        + ")\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
                boolean found;
                do { // a form with fields, not the button beside it that posts to the same address
                    found = form.find();
                } while (found && !form.group(2).matches("(?s).*<(textarea|select|input(?![^>]*type=\"hidden\")).*"));
                assertThat(found).as(path + " with fields on " + at.address()).isTrue();
                MockHttpServletRequestBuilder sent = post(form.group(1)).cookie(at.session()).with(csrf());
                Matcher field = FIELD.matcher(form.group(2));
                while (field.find()) {
                    String name = attribute(field.group(), "name");
                    boolean hidden = "hidden".equals(attribute(field.group(), "type"));
                    if (name != null) {
                        sent.param(name, hidden ? attribute(field.group(), "value") : "x".repeat(20_001));
                    }
                }
                assertThat(api.mvc().perform(sent).andReturn().getResponse().getRedirectedUrl()).as(path)
                        .isEqualTo(at.address());
                String refused = api.mvc().perform(get(at.address()).cookie(at.session())).andReturn().getResponse()
                        .getContentAsString();
                walked.add(path);
                problems.addAll(check(path, refused));
                if (SUMMARY.matcher(refused).results().count() > 1) {
                    problems.add(path + ": more than one row shows the refusal");
                }
                Matcher link = Pattern.compile("data-error-summary.*?<a href=\"#([^\"]+)\"", Pattern.DOTALL)
                        .matcher(refused);
                if (link.find() && refused.split("id=\"" + Pattern.quote(link.group(1)) + "\"", -1).length != 2) {
                    problems.add(path + ": the id " + link.group(1) + " is not of one row only");
                }
            }
        }
        assertThat(walked).as("row forms walked").hasSizeGreaterThanOrEqualTo(4);
        assertThat(problems).as("in " + new TreeSet<>(walked)).isEmpty();
    }

    /** The page that shows a row form refused, and whose rows the walk may use. */
    private record RowPage(String address, Cookie session) {
    }

    /** For each page of row forms, an address with at least one row, seen by an account that may send them. */
    private Map<String, RowPage> rowPages() throws Exception {
        Cookie admin = signIn("admin", Api.ADMIN_PASSWORD);
        String adminToken = api.adminToken();
        Api.Account org = api.account("RAISER", "ZZ-LONGXING");
        Cookie orgSession = signIn(org.username(), "secret-pass-1");

        long place = jdbc.sql("SELECT MIN(id) FROM place").query(Long.class).single();
        long booking = ((Number) JsonPath.read(api.post("/api/v1/places/" + place + "/bookings", org.token(),
                "{\"date\":\"" + LocalDate.now().plusDays(3) + "\",\"startTime\":\"09:00\",\"endTime\":\"10:00\","
                        + "\"groupSize\":5,\"topic\":\"主题党日\"}").andReturn().getResponse().getContentAsString(),
                "$.id")).longValue();
        api.post("/api/v1/bookings/" + booking + "/confirm", adminToken, "").andReturn();
        jdbc.sql("UPDATE booking SET visit_date = :d WHERE id = :id").param("d", LocalDate.now().minusDays(1))
                .param("id", booking).update();

        String slug = "rows-" + Api.unique();
        api.post("/api/v1/series", adminToken, "{\"slug\":\"" + slug + "\",\"name\":\"逐行\"}").andReturn();
        api.post("/api/v1/meetings", adminToken, "{\"series\":\"" + slug + "\",\"number\":1,\"title\":\"第1次会议\","
                + "\"startsAt\":\"2030-02-27T09:00:00+08:00\",\"venue\":\"市人大常委会会议室\",\"selfRegistration\":true,"
                + "\"status\":\"PUBLISHED\"}").andReturn();

        String project = jdbc.sql("SELECT MIN(p.code) FROM project p JOIN project_approval a ON a.project_id = p.id"
                + " WHERE a.status = 'MISSING'").query(String.class).single();
        long meeting = jdbc.sql("SELECT MIN(m.id) FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id"
                + " WHERE m.status <> 'CLOSED'").query(Long.class).single();
        return Map.of(
                "/places/bookings", new RowPage("/places/bookings", orgSession),
                "/my/meetings", new RowPage("/my/meetings", orgSession),
                "/public/projects/{code}", new RowPage("/public/projects/" + project, admin),
                "/meetings/{id}/agenda", new RowPage("/meetings/" + meeting + "/agenda", admin));
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    /** The check itself finds the summaries the walk must never meet. */
    @Test
    void aSummaryEntryWithoutANamedLinkIsFound() {
        String field = "<input id=\"title\" aria-describedby=\"title-error\"><div id=\"title-error\">必填。</div>";
        assertThat(check("f", "<div data-error-summary><ul><li><a href=\"#title\">标题：必填。</a></li></ul></div>"
                + field)).isEmpty();
        assertThat(check("f", "<div data-error-summary><ul><li><span>必填。</span></li></ul></div>" + field))
                .singleElement().asString().contains("names and links no field");
        assertThat(check("f", "<div data-error-summary><ul><li><a href=\"#title\">必填。</a></li></ul></div>"
                + field)).singleElement().asString().contains("does not say the field's name");
        assertThat(check("f", "<div data-error-summary><ul><li><a href=\"#body\">正文：必填。</a></li></ul></div>"
                + field)).hasSize(2);
    }

    private Cookie signIn(String username, String password) throws Exception {
        return api.mvc().perform(formLogin().user(username).password(password)).andReturn().getResponse()
                .getCookie("SESSION");
    }

    private static boolean hasForm(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(ModelAttribute.class)) {
                return true;
            }
        }
        return false;
    }

    /** What is wrong with the error summary of one refused form's page. */
    static List<String> check(String form, String html) {
        List<String> problems = new ArrayList<>();
        Matcher summary = SUMMARY.matcher(html);
        if (!summary.find()) {
            problems.add(form + ": an empty form came back without an error summary");
            return problems;
        }
        Matcher item = ITEM.matcher(summary.group(1));
        int items = 0;
        while (item.find()) {
            items++;
            Matcher link = LINK.matcher(item.group(1));
            if (!link.matches()) {
                problems.add(form + ": an entry names and links no field: " + item.group(1).trim());
                continue;
            }
            String id = link.group(1);
            if (!NAMED.matcher(link.group(2)).matches()) {
                problems.add(form + ": the entry for " + id + " does not say the field's name: " + link.group(2));
            }
            if (!html.contains("id=\"" + id + "\"")) {
                problems.add(form + ": the entry links to #" + id + ", which is not on the page");
            }
            if (!html.contains("id=\"" + id + "-error\"")
                    || !Pattern.compile("aria-describedby=\"[^\"]*\\b" + Pattern.quote(id) + "-error\\b").matcher(html).find()) {
                problems.add(form + ": " + id + " has no message beside it that describes it");
            }
        }
        if (items == 0) {
            problems.add(form + ": an error summary without entries");
        }
        return problems;
    }
}
