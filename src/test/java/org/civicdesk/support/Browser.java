package org.civicdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Chromium (Debian's package) driven by Selenium, that runs the axe-core accessibility
 * checker on every page it is asked to check. Missing binaries fail the test with the command
 * that installs them, never skip it.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Duration POLL = Duration.ofMillis(50);

    private final WebDriver driver;
    private final String baseUrl;
    private final String axe;
    private final List<String> checkedPages = new ArrayList<>();

    public Browser(String baseUrl) throws IOException {
        require(CHROMIUM, "apt-get install chromium");
        require(CHROMEDRIVER, "apt-get install chromium-driver");
        require(AXE, "npm ci (the build runs it in process-test-resources)");
        this.baseUrl = baseUrl;
        this.axe = Files.readString(AXE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    private static void require(Path path, String install) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: the browser tests need it. Install it with: " + install
                    + " (scripts/test-all.sh does this).");
        }
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        checkWidth();
        return this;
    }

    /**
     * Lays pages out as a window {@code width} CSS pixels wide and {@code height} high would, as a phone
     * (touch, its viewport meta honoured) when {@code mobile}; the page is laid out again at once.
     */
    public void viewport(int width, int height, boolean mobile) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Lays pages out at the window's own size again, after {@link #viewport}. */
    public void wholeWindow() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * Fails when the page is wider than the window, so that it scrolls sideways: every page a browser test
     * opens, checks or clicks its way to is held to it, at whatever width the test set.
     */
    public void checkWidth() {
        Object widths = ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        @SuppressWarnings("unchecked")
        List<Number> w = (List<Number>) widths;
        assertThat(w.get(0).longValue()).as("width of %s (scrollWidth) against the window's %s px",
                driver.getCurrentUrl(), w.get(1)).isLessThanOrEqualTo(w.get(1).longValue());
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Clicks like a person would: scrolled into view first, so a sticky footer never covers the target.
     * A click that submits a form waits for the page it posts to, so that what is read next is not the
     * old page's; a click that submits nothing (a menu, a form the browser or a script kept back) waits
     * for nothing. Whether a form went is what the page itself saw: a {@code submit} event that nobody
     * cancelled.
     */
    public void click(By by) {
        WebElement element = find(by);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.civicdeskSamePage = true; window.civicdeskSubmitted = false; "
                + "window.addEventListener('submit', e => { window.civicdeskSubmitted = !e.defaultPrevented; }, "
                + "{ once: true }); "
                + "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        wait(10).until(ExpectedConditions.elementToBeClickable(element)).click();
        if (Boolean.TRUE.equals(js.executeScript(
                "return window.civicdeskSamePage === true && window.civicdeskSubmitted === true;"))) {
            // As patient as a page load: a page is surely coming, so the wait costs only what the server takes.
            wait(30).until(ExpectedConditions.stalenessOf(element));
        }
        if (!Boolean.TRUE.equals(js.executeScript("return window.civicdeskSamePage === true;"))) {
            waitFor(d -> "complete".equals(js.executeScript("return document.readyState;")));
            checkWidth();
        }
    }

    /**
     * Waits of up to {@code seconds}, looking again every 50 ms rather than Selenium's 500: most of what a
     * test waits for is there within a few milliseconds.
     */
    private WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.pollingEvery(POLL);
        return wait;
    }

    /** Signs in through the login form and waits for the workbench it leads to. */
    public void signIn(String username, String password) {
        open("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password, Keys.ENTER);
        waitFor(d -> path().equals("/desk"));
        checkWidth();
    }

    /** Signs out from the account menu in the header. */
    public void signOut() {
        click(By.id("user-menu"));
        click(By.cssSelector("form[action$='/logout'] button"));
        waitFor(d -> path().equals("/"));
    }

    /**
     * The first element that {@code by} finds and a person can see: a link of a closed menu in the header
     * may carry the same text as the one on the page.
     */
    public WebElement find(By by) {
        return wait(10).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        wait(10).until(condition::apply);
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    /**
     * Saves the window as one of the README's pictures, {@code target/screenshots/readme/screenshot-NAME.png}:
     * the walk that shows a page best takes its picture, so that {@code docs/} gets them from a run
     * ({@code cp target/screenshots/readme/*.png docs/}) rather than by hand.
     */
    public void readmeScreenshot(String name) throws IOException {
        Files.createDirectories(SHOTS.resolve("readme"));
        screenshot("readme/screenshot-" + name);
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation. */
    public void checkAccessibility() {
        assertThat(driver.findElements(By.cssSelector("[data-error-page]"))).as("error page at " + driver.getCurrentUrl())
                .isEmpty();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(JSON.stringify(r.violations.map(v => ({
                       id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))))
                   .catch(e => done('ERROR ' + e));""");
        assertThat(result).asString().doesNotStartWith("ERROR");
        List<Map<String, Object>> violations = JsonMapper.builder().build().readValue(result.toString(),
                new TypeReference<List<Map<String, Object>>>() {
                });
        List<Map<String, Object>> severe = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        checkedPages.add(path());
        checkWidth();
        assertThat(severe).as("serious or critical accessibility violations on " + driver.getCurrentUrl()).isEmpty();
    }

    /**
     * What a link of the page downloads, fetched from inside the page as the browser would fetch it,
     * with the page's own session cookie and no token.
     */
    public byte[] download(By link) {
        String href = find(link).getDomProperty("href");
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject('HTTP ' + r.status))
                  .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
                  .catch(e => done('ERROR ' + e));""", href);
        assertThat(base64).asString().as("download of " + href).doesNotStartWith("ERROR");
        return java.util.Base64.getDecoder().decode(base64.toString());
    }

    public List<String> checkedPages() {
        return List.copyOf(checkedPages);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
