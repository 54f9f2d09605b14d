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
 * A place's name is text wherever the map shows it: a name that is markup shows as typed in the
 * marker's tooltip and popup, and no element is made from it (no image loads, no handler runs; a
 * script's alert would fail every later step of the browser).
 */
class PlaceNameMarkupBrowserIT extends RealBrowserTest {

    @Autowired
    Api api;

    @Test
    void showsAPlaceNamedWithMarkupLiterallyInTheMapsTooltipAndPopup() throws Exception {
        String name = "<img src=x onerror=alert(1)> " + Api.unique();
        api.post("/api/v1/places", api.adminToken(), "{\"name\":\"" + name + "\",\"kind\":\"VENUE\",\"level\":\"COUNTY\","
                + "\"district\":\"天元区\",\"lat\":27.9,\"lon\":113.2,\"capacity\":10}").andExpect(status().isCreated());

        browser.open("/public/places");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#places-map.leaflet-container")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // Markers are drawn in the order of the table's rows; events go to this place's own marker, so
        // that no other marker in the way takes them.
        long index = (Long) js.executeScript("return Array.prototype.findIndex.call("
                + "document.querySelectorAll('#places-table tbody tr[data-lat]'), r => r.dataset.name === arguments[0]);",
                name);
        assertThat(index).isNotNegative();
        String marker = "document.querySelectorAll('#places-map .leaflet-interactive')[" + index + "]";

        js.executeScript(marker + ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#places-map .leaflet-tooltip")).isEmpty());
        WebElement tooltip = browser.find(By.cssSelector("#places-map .leaflet-tooltip"));
        assertThat(tooltip.getText()).isEqualTo(name);
        assertThat(tooltip.findElements(By.tagName("img"))).isEmpty();

        js.executeScript(marker + ".dispatchEvent(new MouseEvent('click', {bubbles: true}));");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#places-map .leaflet-popup-content a")).isEmpty());
        WebElement popup = browser.find(By.cssSelector("#places-map .leaflet-popup-content"));
        assertThat(popup.findElement(By.tagName("a")).getText()).isEqualTo(name);
        List<WebElement> images = browser.driver().findElements(By.cssSelector("#places-map img:not(.leaflet-tile)"));
        assertThat(images).as("no element is made from the name").isEmpty();
        browser.checkAccessibility();
    }
}
