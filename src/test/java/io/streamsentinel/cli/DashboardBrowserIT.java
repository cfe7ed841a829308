package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver) during a real
 * demo run: the page asks for the API key the demo printed, then the throughput chart advances, an
 * alert shows its reasons, a user page loads from the detector's state (the key kept in the tab's
 * session), and a review case is resolved by clicking, under the key's name. Screenshots go to
 * {@code target/screenshots/} as build artifacts.
 *
 * <p>Without Chromium the test is skipped on a workstation and fails under CI ({@code CI=true}),
 * whose script installs it.
 */
class DashboardBrowserIT {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  private static final Pattern DASHBOARD_URL = Pattern.compile("Dashboard at (http://\\S+/)");
  private static final Pattern DEMO_KEY =
      Pattern.compile("API key (demo-admin-\\S+) \\(admin[^)]*\\): (sentinel_[A-Za-z0-9_-]{43})");
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();
  private final AtomicInteger exitCode = new AtomicInteger(-1);
  private Thread demo;
  private WebDriver browser;
  private String keyName;
  private String key;

  @AfterEach
  void stop() throws InterruptedException {
    if (browser != null) {
      browser.quit();
    }
    if (demo != null) {
      cli.shutdown.request();
      demo.join(Duration.ofSeconds(120).toMillis());
    }
  }

  @Test
  void shouldShowTheSystemWorkingAndResolveACaseByClicking() throws Exception {
    requireChromium();
    String base = startDemo();
    browser = chromium();
    // Live panels are redrawn every second: an element found a moment ago may be gone.
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.ignoring(StaleElementReferenceException.class);

    browser.get(base);
    wait.until(b -> b.findElement(By.id("sign-in")).isDisplayed());
    assertThat(text(browser, "connection")).as("nothing is read before a key").isNotEqualTo("live");
    browser.findElement(By.id("api-key")).sendKeys(key);
    browser.findElement(By.cssSelector("#sign-in button")).click();
    wait.until(b -> text(b, "who").equals(keyName + " (admin)"));
    wait.until(b -> "live".equals(text(b, "connection")));
    int before = chartPoints();
    wait.until(b -> chartPoints() >= before + 3);
    assertThat(Double.parseDouble(text(browser, "rate-in").replace(",", "")))
        .as("transactions in per second")
        .isPositive();

    wait.until(b -> firstAlertWithReasons(b) != null);
    hover(wait, By.id("alerts")); // the feed holds still under the mouse
    WebElement alert = firstAlertWithReasons(browser);
    String reason = alert.findElement(By.cssSelector(".reasons li")).getText();
    assertThat(reason)
        .as("an alert's first reason: code and the detector's sentence")
        .matches("[A-Z0-9_]+ .+");
    wait.until(b -> !b.findElements(By.cssSelector("#lag details")).isEmpty());
    wait.until(b -> !b.findElements(By.cssSelector("#riskiest tr")).isEmpty());
    screenshot("dashboard.png");

    String userId = alert.findElement(By.cssSelector("a.user")).getText();
    alert.findElement(By.cssSelector("a.user")).click();
    wait.until(b -> b.getCurrentUrl().contains("/user.html?id="));
    wait.until(b -> !"–".equals(text(b, "served-by")));
    assertThat(text(browser, "user-title")).isEqualTo(userId);
    assertThat(browser.findElement(By.id("profile")).getText()).contains("transaction count");
    assertThat(text(browser, "account-status")).isIn("ACTIVE", "STEP_UP_REQUIRED", "BLOCKED");
    screenshot("user.png");

    browser.get(base);
    wait.until(b -> !b.findElements(By.cssSelector("#cases tr[data-case-id]")).isEmpty());
    hover(wait, By.id("cases")); // the queue is not redrawn under the mouse
    WebElement row = browser.findElement(By.cssSelector("#cases tr[data-case-id]"));
    long caseId = Long.parseLong(row.getAttribute("data-case-id"));
    row.findElement(By.cssSelector("button.dismiss")).click();
    wait.until(b -> text(b, "case-message").contains("Case #" + caseId + " resolved"));
    JsonNode resolved = getJson(base + "api/cases/" + caseId).path("case_info");
    assertThat(resolved.path("status").asText()).isEqualTo("resolved");
    assertThat(resolved.path("resolution").asText()).isEqualTo("false_positive");
    assertThat(resolved.path("resolved_by").asText())
        .as("the analyst is the key's name")
        .isEqualTo(keyName);
    wait.until(
        b -> b.findElements(By.cssSelector("#cases tr[data-case-id='" + caseId + "']")).isEmpty());
    screenshot("dashboard-after-resolve.png");

    cli.shutdown.request();
    demo.join(Duration.ofSeconds(120).toMillis());
    demo = null;
    assertThat(exitCode.get()).as(cli.err()).isZero();
  }

  private static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      fail(
          "Chromium and chromedriver are needed at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
    }
    Assumptions.assumeTrue(
        present,
        "skipped: install Debian's chromium and chromium-driver to run the dashboard's browser test");
  }

  private String startDemo() {
    demo = new Thread(() -> exitCode.set(cli.run(CliRunner.demoIn(dir, "--tps", "800"))), "demo");
    demo.start();
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              Matcher m = DASHBOARD_URL.matcher(cli.out());
              Matcher k = DEMO_KEY.matcher(cli.out());
              if (!demo.isAlive()) {
                fail("the demo stopped: " + cli.err());
              }
              if (!m.find() || !k.find()) {
                return null;
              }
              keyName = k.group(1);
              key = k.group(2);
              return m.group(1);
            },
            url -> url != null);
  }

  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1600,1900"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .build();
    return new ChromeDriver(service, options);
  }

  private static WebElement firstAlertWithReasons(WebDriver browser) {
    return browser.findElements(By.cssSelector("#alerts .alert")).stream()
        .filter(a -> !a.findElements(By.cssSelector(".reasons li")).isEmpty())
        .findFirst()
        .orElse(null);
  }

  /** Moves the mouse over a panel and waits until the page has drawn it held (not redrawn). */
  private void hover(WebDriverWait wait, By content) {
    WebElement element = browser.findElement(content);
    new Actions(browser).moveToElement(element).perform();
    WebElement panel = element.findElement(By.xpath("ancestor::*[contains(@class,'panel')][1]"));
    wait.until(b -> panel.getAttribute("class").contains("held"));
  }

  private int chartPoints() {
    String points = browser.findElement(By.id("throughput-chart")).getAttribute("data-points");
    return points == null ? 0 : Integer.parseInt(points);
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + key)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
