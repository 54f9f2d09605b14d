package org.civicdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.civicdesk.support.Api;
import org.civicdesk.support.RealBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A place's page gives its address, opening hours and contact beside a small map; its name is text
 * wherever the map shows it: a name that is markup shows as typed in the marker's tooltip and popup,
 * and no element is made from it (no image loads, no handler runs; a script's alert would fail every
 * later step of the browser).
 */
class PlaceNameMarkupBrowserIT extends RealBrowserTest {

    @Autowired
    Api api;

    @Test
    void showsAPlacesDetailsAndItsNameAsTypedInTheMapsTooltipAndPopup() throws Exception {
        String name = "<img src=x onerror=alert(1)> " + Api.unique();
        String created = api.post("/api/v1/places", api.adminToken(), "{\"name\":\"" + name + "\",\"kind\":\"VENUE\","
                + "\"level\":\"COUNTY\",\"district\":\"天元区\",\"lat\":27.9,\"lon\":113.2,\"capacity\":10,"
                + "\"address\":\"天元区示例路 1 号\",\"openingHours\":\"周二至周日 9:00—17:00\",\"contact\":\"天元区文化馆\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");

        // The place's own page: its details in words, and a small map with its one marker.
        browser.open("/public/places/" + id);
        assertThat(browser.find(By.cssSelector("main dl")).getText())
                .contains("天元区示例路 1 号", "周二至周日 9:00—17:00", "天元区文化馆");
        browser.waitFor(d -> "1".equals(d.findElement(By.id("place-map")).getDomAttribute("data-points")));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        String marker = "document.querySelector('#place-map .civic-marker-icon')";
        js.executeScript(marker + ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#place-map .leaflet-tooltip")).isEmpty());
        WebElement tooltip = browser.find(By.cssSelector("#place-map .leaflet-tooltip"));
        assertThat(tooltip.getText()).isEqualTo(name);
        assertThat(tooltip.findElements(By.tagName("img"))).isEmpty();

        js.executeScript(marker + ".dispatchEvent(new MouseEvent('click', {bubbles: true}));");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#place-map .leaflet-popup-content a")).isEmpty());
        WebElement popup = browser.find(By.cssSelector("#place-map .leaflet-popup-content"));
        assertThat(popup.findElement(By.tagName("a")).getText()).isEqualTo(name);
        List<WebElement> images = browser.driver().findElements(By.cssSelector("#place-map img:not(.leaflet-tile)"));
        assertThat(images).as("no element is made from the name").isEmpty();
        browser.checkAccessibility();
    }
}
