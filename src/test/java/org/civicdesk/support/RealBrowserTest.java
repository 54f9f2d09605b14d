package org.civicdesk.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a real port with one Chromium for all the tests of a class. Browser
 * tests extend it and are named *BrowserIT; they run on H2 only (see the build).
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RealBrowserTest {

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }
}
