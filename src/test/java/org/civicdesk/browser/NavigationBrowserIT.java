package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Each demo role lands on its page (the front page for a visitor, the workbench for an account), opens
 * its menus and walks every page they offer, in both languages, as wide as a laptop (1366 px) and as a
 * phone (390 px). A visitor walks the public bar; an account its workbench and back office: no page is wider than the window (the browser checks every page it visits) and axe
 * finds nothing serious, menus open included.
 */
class NavigationBrowserIT extends RealBrowserTest {

    private static final String DEMO_PASSWORD = "civicdesk-demo";
    private static final int[][] WINDOWS = { { 1366, 900 }, { 390, 844 } };

    /** Pages already walked in a language at a width: a page that several roles' menus offer is walked once. */
    private final Set<String> walked = new HashSet<>();

    /** Pages axe has checked. */
    private final Set<String> audited = new HashSet<>();

    @ParameterizedTest
    @ValueSource(strings = { "", "admin", "supervisor", "handler-drc", "raiser", "places", "charity" })
    void eachRoleWalksItsLandingPageAndMenusInBothLanguagesAtBothWidths(String username) throws Exception {
        for (String lang : List.of("zh_CN", "en")) {
            for (int[] window : WINDOWS) {
                browser.viewport(window[0], window[1], window[0] < 576);
                walk(username, lang, window[0]);
            }
        }
    }

    private void walk(String username, String lang, int width) throws Exception {
        String shot = (username.isEmpty() ? "visitor" : username) + "-" + lang + "-" + width;
        browser.driver().manage().deleteAllCookies();
        if (username.isEmpty()) {
            browser.open("/?lang=" + lang);
        } else {
            browser.open("/login?lang=" + lang);
            browser.find(By.id("username")).sendKeys(username);
            browser.find(By.id("password")).sendKeys(password(username), Keys.ENTER);
            browser.waitFor(d -> browser.path().equals("/desk"));
            assertThat(browser.driver().findElements(By.cssSelector("a[href$='/login']")))
                    .as("a signed-in reader is not asked to sign in").isEmpty();
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(lang.equals("en") ? "Workbench" : "工作台");
        }
        browser.checkAccessibility();
        browser.screenshot("nav-" + shot + "-landing");
        if (shot.equals("handler-drc-zh_CN-1366")) {
            browser.readmeScreenshot("desk");
        }

        List<WebElement> bar = browser.driver().findElements(By.cssSelector("#nav-main > ul.me-auto > li"));
        assertThat(bar).as("entries of the public bar").hasSizeBetween(1, 7);
        if (width >= 992) {
            assertThat(browser.find(By.cssSelector("header")).getSize().getHeight())
                    .as("the header keeps to two rows").isLessThan(130);
            assertThat(browser.find(By.id("nav-search")).getSize().getWidth()).as("the search box").isGreaterThan(200);
        } else {
            browser.click(By.cssSelector(".navbar-toggler"));
            browser.waitFor(d -> d.findElement(By.id("nav-main")).getAttribute("class").contains("show"));
        }
        List<String> pages = new ArrayList<>();
        if (username.isEmpty()) {
            browser.click(By.cssSelector("#nav-main .dropdown-toggle"));
            browser.checkAccessibility();
            browser.screenshot("nav-" + shot + "-menu");
            pages.addAll(hrefs("#nav-main > ul.me-auto a[href]:not([href='#'])"));
        } else {
            browser.click(By.id("workbench-menu"));
            browser.checkAccessibility();
            browser.screenshot("nav-" + shot + "-menu");
            pages.addAll(hrefs("[aria-labelledby='workbench-menu'] a[href], [aria-labelledby='admin-menu'] a[href]"));
            assertThat(pages).as("the workbench's own page comes first").first().asString().endsWith("/desk");
            browser.click(By.id("user-menu"));
            assertThat(browser.find(By.cssSelector("form[action$='/logout'] button")).isDisplayed()).isTrue();
        }
        for (String page : pages) {
            if (walked.add(lang + " " + width + " " + page)) {
                browser.driver().get(page);
                // axe checks each page the menus offer once, on a phone, where it finds what only a narrow
                // window shows (a table that scrolls must take focus); the landing page and the open menus
                // are checked at both widths in both languages above, and every visit checks the width.
                if (width < 576 && audited.add(page)) {
                    browser.checkAccessibility();
                } else {
                    browser.checkWidth();
                }
            }
        }
    }

    private List<String> hrefs(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(a -> a.getDomProperty("href"))
                .distinct().toList();
    }

    private static String password(String username) {
        return username.equals("admin") ? Api.ADMIN_PASSWORD : DEMO_PASSWORD;
    }
}
