package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Someone finds a teaching point on the public map (whose tiles cannot load offline, so the list
 * beside it carries the page; its markers, clusters and legend work without them, by keyboard), an
 * organisation books a visit, and the place's manager confirms it. Every page visited is checked with axe.
 */
class PlacesBrowserIT extends RealBrowserTest {

    private static final String DEMO_PASSWORD = "civicdesk-demo";

    @Test
    void findsAPlaceOnTheMapBooksItAndTheManagerConfirms() throws Exception {
        browser.open("/public/places");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("党员教育基地与现场教学点");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#places-map[data-points]")).isEmpty());
        // The demo's 31 places, and whatever other tests of this run added to the shared database.
        int listed = browser.driver().findElements(By.cssSelector("#places-table tbody tr")).size();
        assertThat(listed).isGreaterThanOrEqualTo(31);
        assertThat(browser.find(By.id("places-map")).getDomAttribute("data-points")).isEqualTo(String.valueOf(listed));
        assertThat(browser.find(By.cssSelector(".civic-map-legend")).getText())
                .contains("示范基地", "现场教学点", "省级", "市级");
        // Crowded places are gathered into clusters, which the keyboard reaches: Enter zooms into one.
        WebElement cluster = browser.find(By.cssSelector("#places-map .civic-cluster"));
        assertThat(cluster.getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(cluster.getText()).matches("(\\d+)\\s+此处有 \\1 个标注，按回车键放大");
        cluster.sendKeys(Keys.ENTER);
        browser.waitFor(ExpectedConditions.stalenessOf(cluster)::apply);
        WebElement marker = browser.find(By.cssSelector("#places-map .civic-marker-icon[tabindex='0']"));
        marker.sendKeys(Keys.ENTER);
        browser.waitFor(d -> !d.findElements(By.cssSelector("#places-map .leaflet-popup-content a")).isEmpty());
        assertThat(browser.find(By.cssSelector("#places-map .leaflet-popup-content a")).getDomAttribute("href"))
                .startsWith("/public/places/");
        browser.checkAccessibility();
        browser.screenshot("places-01-map");

        new Select(browser.find(By.id("kind-filter"))).selectByValue("TEACHING_POINT");
        new Select(browser.find(By.id("level-filter"))).selectByValue("PROVINCIAL");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(d -> d.findElements(By.cssSelector("#places-table tbody tr")).size() == 4);
        assertThat(browser.find(By.cssSelector("#places-table caption")).getText()).isEqualTo("共 4 个场所");
        browser.checkAccessibility();

        browser.open("/public/honours");
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains("锦绣社区").contains("金牌服务奖");
        browser.checkAccessibility();

        browser.signIn("entrepreneur", DEMO_PASSWORD);
        browser.open("/public/places?kind=TEACHING_POINT&level=PROVINCIAL");
        browser.click(By.linkText("李立三同志故居"));
        assertThat(browser.find(By.tagName("h1")).getText()).contains("李立三同志故居");
        browser.checkAccessibility();
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#groupSize ~ .invalid-feedback")).getText()).isEqualTo("必填。");
        assertThat(browser.find(By.cssSelector("#topic ~ .invalid-feedback")).getText()).isEqualTo("必填。");
        browser.checkAccessibility();
        browser.screenshot("places-02-booking-errors");

        String topic = "主题党日 " + Api.unique();
        String date = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("date")), date);
        browser.find(By.id("groupSize")).sendKeys("30");
        browser.find(By.id("topic")).sendKeys(topic);
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(d -> browser.path().equals("/places/bookings"));
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("李立三同志故居");
        assertThat(row(topic).getText()).contains("待确认").contains(date);
        browser.checkAccessibility();
        browser.signOut();

        browser.signIn("places", DEMO_PASSWORD);
        browser.open("/places/queue");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("预约审核");
        browser.checkAccessibility();
        WebElement confirm = row(topic).findElement(By.cssSelector("form[action$='/confirm'] button"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", confirm);
        confirm.click();
        assertThat(browser.find(By.cssSelector(".alert-success")).getText()).contains("已确认");
        assertThat(browser.find(By.id("queue-confirmed")).getText()).contains(topic);
        browser.checkAccessibility();
        browser.screenshot("places-03-confirmed");
    }

    private WebElement row(String text) {
        return browser.find(By.xpath("//tr[td[contains(., '" + text + "')]]"));
    }
}
