package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftStatus;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.store.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through the system's
 * chromedriver (never a downloaded one). Each page is saved as a screenshot under
 * target/screenshots/ for people to look at. Skipped when chromium or chromedriver is missing;
 * .ci/run installs both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;
  DashboardFixture f;
  WebDriver browser;
  long ada;
  long grace;
  long linus;
  long margaret;
  long adaDraft;
  long graceDraft;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does).");
    f = new DashboardFixture(dir.resolve("rapport"));
    Hypothesis pm = f.app.hypotheses().add("Product management in health tech");
    ada = f.contact("Ada Lovelace", "ada@example.org", 1);
    grace = f.contact("Grace Hopper", "grace@example.org", 2);
    linus = f.contact("Linus Example", "linus@example.org", 3);
    long katherine = f.contact("Katherine Johnson", "katherine@example.org", 2);
    margaret = f.contact("Margaret Hamilton", "margaret@example.org", 1);
    f.contact("<script>alert(1)</script>", "evil@example.org", 4);
    adaDraft = f.outreach(ada);
    graceDraft = f.outreach(grace);
    // History for the charts: two outreach notes sent in earlier weeks, one answered.
    sentWeeksAgo(f.outreach(katherine), 2);
    sentWeeksAgo(f.outreach(margaret), 1);
    var contacts = f.app.contacts();
    contacts.moveManually(katherine, Stage.CONTACTED, "outreach sent", Link.command("test"));
    contacts.moveManually(margaret, Stage.CONTACTED, "outreach sent", Link.command("test"));
    contacts.moveManually(margaret, Stage.REPLIED, "she answered", Link.command("test"));
    f.app
        .database()
        .transaction(
            c -> {
              Sql.update(c, "UPDATE contact SET hypothesis_id = ? WHERE id = ?", pm.id(), ada);
              return null;
            });
    Files.createDirectories(SCREENSHOTS);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    // As the user does: the address the banner prints starts the browser's session.
    browser.get(f.dashboard.loginUrl());
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
    if (f != null) f.close();
  }

  @Test
  @Order(0)
  void withoutTheAddressWithTheTokenTheBrowserSeesOnlyHowToOpenIt() {
    browser.manage().deleteAllCookies();
    open("/contacts/" + ada);
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("opens only for the person running rapport", "dashboard.secret");
    assertThat(page).doesNotContain("Ada Lovelace");
    open("/login?token=not-the-token");
    assertThat(browser.getPageSource()).doesNotContain("Ada Lovelace");
    browser.get(f.dashboard.loginUrl());
    // The token leaves the address bar: the login answers with a redirect to the review queue.
    assertThat(browser.getCurrentUrl()).isEqualTo(f.url("/"));
    assertThat(browser.getTitle()).startsWith("Review queue");
    assertThat(browser.getPageSource()).contains("Ada Lovelace");
    Cookie session = browser.manage().getCookieNamed("rapport_session_" + f.dashboard.port());
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(session.isSecure()).isFalse();
    assertThat(session.getPath()).isEqualTo("/");
  }

  @Test
  @Order(1)
  void reviewAndApproveADraft() {
    open("/");
    assertThat(browser.getTitle()).startsWith("Review queue");
    WebElement card = browser.findElement(By.id("draft-" + adaDraft));
    assertThat(card.getText()).contains("Ada Lovelace", "From:", "To:", "Subject:");
    assertThat(card.findElement(By.cssSelector(".headers")).getText())
        .contains("Sam Rivera <sam@example.org>", "Ada Lovelace <ada@example.org>");
    screenshot("review");
    submit(card.findElement(By.xpath(".//button[text()='Approve']")));
    assertThat(flash()).contains("Approved: OUTREACH draft " + adaDraft);
    assertThat(f.app.drafts().get(adaDraft).status()).isEqualTo(DraftStatus.APPROVED);
    assertThat(browser.findElements(By.id("draft-" + adaDraft))).isEmpty();
    screenshot("review-after-approve");
  }

  @Test
  @Order(2)
  void editADraftInPlace() {
    open("/");
    WebElement card = browser.findElement(By.id("draft-" + graceDraft));
    card.findElement(By.tagName("summary")).click();
    WebElement subject = card.findElement(By.name("subject"));
    subject.clear();
    subject.sendKeys("Thirty minutes about compilers?");
    WebElement body = card.findElement(By.name("body"));
    body.sendKeys(Keys.END, "\n\nP.S. Any day next week works.");
    screenshot("review-edit");
    submit(card.findElement(By.xpath(".//button[text()='Save changes']")));
    assertThat(flash()).contains("Saved OUTREACH draft " + graceDraft);
    var saved = f.app.drafts().get(graceDraft);
    assertThat(saved.subject()).isEqualTo("Thirty minutes about compilers?");
    assertThat(saved.body()).endsWith("P.S. Any day next week works.").doesNotContain("\r");
    assertThat(browser.findElement(By.id("draft-" + graceDraft)).getText())
        .contains("Subject:\nThirty minutes about compilers?");
  }

  @Test
  @Order(3)
  void moveAContactOnThePipeline() {
    open("/pipeline");
    screenshot("pipeline");
    // headless Chrome once reported the fresh page's select as detached: look it up again
    WebElement move =
        retried(
            () -> {
              WebElement card =
                  browser.findElement(By.xpath("//article[.//a[text()='Linus Example']]"));
              new Select(card.findElement(By.name("stage"))).selectByVisibleText("Paused");
              return card.findElement(By.xpath(".//button[text()='Move']"));
            });
    submit(move);
    assertThat(flash()).contains("Moved Linus Example from NEW to PAUSED");
    assertThat(f.app.contacts().get(linus).stage()).isEqualTo(Stage.PAUSED);
    assertThat(browser.findElement(By.id("col-PAUSED")).findElement(By.xpath("..")).getText())
        .contains("Linus Example");
    new Select(browser.findElement(By.id("tier"))).selectByVisibleText("Tier 1");
    submit(browser.findElement(By.xpath("//button[text()='Filter']")));
    String board = browser.findElement(By.cssSelector(".board")).getText();
    assertThat(board).contains("Ada Lovelace").doesNotContain("Grace Hopper");
  }

  @Test
  @Order(4)
  void aContactsTimeline() {
    open("/contacts/" + linus);
    assertThat(browser.findElement(By.cssSelector(".timeline")).getText())
        .contains("NEW → PAUSED by hand");
    open("/contacts/" + ada);
    assertThat(browser.findElement(By.cssSelector(".timeline")).getText())
        .contains("Draft approved", "Draft created");
    screenshot("contact");
  }

  @Test
  @Order(5)
  void seeTheCharts() {
    open("/progress");
    List<WebElement> bars = browser.findElements(By.cssSelector("svg.chart rect.bar"));
    assertThat(bars).hasSizeGreaterThanOrEqualTo(5 + ProgressPage.WEEKS);
    assertThat(browser.findElement(By.id("funnel-t")).getAttribute("textContent"))
        .contains("Contacts 6", "Contacted 2", "Replied 1");
    String pace = browser.findElement(By.id("pace-t")).getAttribute("textContent");
    var weeks = java.util.regex.Pattern.compile("\\d+ [A-Z][a-z]{2} (\\d+)").matcher(pace);
    int sent = 0;
    int counted = 0;
    while (weeks.find()) {
      sent += Integer.parseInt(weeks.group(1));
      counted++;
    }
    assertThat(counted).as(pace).isEqualTo(ProgressPage.WEEKS);
    assertThat(sent).as("outreach sent in the last weeks: %s", pace).isEqualTo(2);
    screenshot("progress");
  }

  @Test
  @Order(6)
  void statusAndEscaping() {
    open("/status");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Sandbox", "Sending window");
    screenshot("status");
    open("/pipeline");
    assertThat(browser.findElement(By.cssSelector(".board")).getText())
        .contains("<script>alert(1)</script>");
  }

  @Test
  @Order(7)
  void theReviewFlowWorksWithTheKeyboardAlone() {
    long draft = f.outreach(f.contact("Dorothy Vaughan", "dorothy@example.org", 2));
    open("/");
    WebElement approve =
        browser
            .findElement(By.id("draft-" + draft))
            .findElement(By.xpath(".//button[text()='Approve']"));
    WebElement focused = browser.switchTo().activeElement();
    for (int i = 0; i < 60 && !focused.equals(approve); i++) {
      focused.sendKeys(Keys.TAB);
      focused = browser.switchTo().activeElement();
    }
    assertThat(focused).as("the Approve button is reached with Tab").isEqualTo(approve);
    WebElement page = browser.findElement(By.tagName("html"));
    focused.sendKeys(Keys.ENTER);
    waitForNewPage(page);
    assertThat(flash()).contains("Approved: OUTREACH draft " + draft);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.APPROVED);
  }

  @Test
  @Order(8)
  void bookAnInterviewHoldItAndRecordTheNotes() {
    open("/contacts/" + margaret);
    WebElement book = browser.findElement(By.xpath("//form[.//h3[text()='Book an interview']]"));
    // A date input's typed form depends on the browser's locale; its value does not.
    setValue(book.findElement(By.name("date")), "2026-12-15");
    setValue(book.findElement(By.name("time")), "10:00");
    book.findElement(By.name("where")).sendKeys("Video call");
    screenshot("contact-book");
    submit(book.findElement(By.xpath(".//button[text()='Book it']")));
    assertThat(flash()).contains("Booked interview", "2026-12-15 10:00 (Europe/Berlin)");
    assertThat(f.app.contacts().get(margaret).stage()).isEqualTo(Stage.SCHEDULED);

    // booked ahead of today: it took place earlier than booked, which the form asks to confirm
    browser.findElement(By.id("done-force")).click();
    submit(browser.findElement(By.xpath("//button[text()='Mark it done']")));
    assertThat(flash()).contains("is done", "Thank-you draft");
    assertThat(f.app.contacts().get(margaret).stage()).isEqualTo(Stage.INTERVIEWED);

    WebElement notes = browser.findElement(By.cssSelector("form.notes-form"));
    var questions = f.app.questions().list();
    WebElement first = notes.findElement(By.id("q-" + questions.get(0).id()));
    assertThat(
            notes
                .findElement(By.cssSelector("label[for='q-" + questions.get(0).id() + "']"))
                .getText())
        .contains(questions.get(0).text());
    first.sendKeys("Through the Apollo programme.");
    notes
        .findElement(By.id("q-" + questions.get(1).id()))
        .sendKeys("Reviews, then long hours of testing.");
    notes.findElement(By.id("highlight")).sendKeys("the Apollo 11 alarms");
    notes.findElement(By.id("resonated")).sendKeys("Software as engineering.");
    new Select(notes.findElement(By.id("energy"))).selectByValue("5");
    notes.findElement(By.cssSelector("input[name=continue][value=yes]")).click();
    notes.findElement(By.id("ref-name-1")).sendKeys("Hedy Lamarr");
    notes.findElement(By.id("ref-email-1")).sendKeys("hedy@example.org");
    notes.findElement(By.id("ref-offered-1")).click();
    screenshot("contact-notes");
    submit(notes.findElement(By.xpath(".//button[text()='Save notes']")));
    assertThat(flash()).contains("Saved the notes", "2 answer(s)", "added Hedy Lamarr");
    var details = f.app.notes().details(margaret);
    assertThat(details.answers())
        .extracting(a -> a.text())
        .containsExactly("Through the Apollo programme.", "Reviews, then long hours of testing.");
    assertThat(details.interview().highlight()).isEqualTo("the Apollo 11 alarms");
    assertThat(details.interview().reflection().energy()).isEqualTo(5);
    assertThat(details.referrals())
        .singleElement()
        .satisfies(r -> assertThat(r.introductionOffered()).isTrue());
    assertThat(browser.findElement(By.id("notes")).getText())
        .contains("Through the Apollo programme.", "Hedy Lamarr");
    screenshot("contact-after-notes");
  }

  @Test
  @Order(9)
  void compareAnswersSideBySide() {
    open("/compare");
    WebElement table = browser.findElement(By.cssSelector("table.compare"));
    assertThat(table.findElement(By.tagName("thead")).getText()).contains("Margaret Hamilton");
    assertThat(table.findElement(By.tagName("tbody")).getText())
        .contains(f.app.questions().list().get(0).text(), "Through the Apollo programme.");
    screenshot("compare");
  }

  @Test
  @Order(10)
  void addAContactAndDraftTheirOutreach() {
    open("/pipeline");
    WebElement add = browser.findElement(By.cssSelector("details.add"));
    add.findElement(By.tagName("summary")).click();
    add.findElement(By.id("add-name")).sendKeys("Annie Easley");
    add.findElement(By.id("add-email")).sendKeys("annie@example.org");
    add.findElement(By.id("add-company")).sendKeys("NASA Lewis");
    new Select(add.findElement(By.id("add-tier"))).selectByValue("2");
    screenshot("pipeline-add");
    submit(add.findElement(By.xpath(".//button[text()='Add']")));
    assertThat(flash()).contains("Added Annie Easley as contact");
    submit(browser.findElement(By.xpath("//button[text()='Draft outreach']")));
    assertThat(flash()).contains("Outreach draft", "annie@example.org");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Annie Easley");
  }

  @Test
  @Order(11)
  void hypothesesAndTheQuestionSet() {
    open("/hypotheses");
    assertThat(browser.findElement(By.tagName("table")).getText())
        .contains("Product management in health tech");
    browser.findElement(By.linkText("1: Product management in health tech")).click();
    WebElement verdict = browser.findElement(By.xpath("//form[.//h2[text()='Your verdict']]"));
    verdict.findElement(By.cssSelector("input[value=disproved]")).click();
    verdict.findElement(By.id("verdict-note")).sendKeys("too far from patients");
    screenshot("hypothesis");
    submit(verdict.findElement(By.xpath(".//button[text()='Save the verdict']")));
    assertThat(flash()).contains("is disproved");

    open("/questions");
    String second = f.app.questions().list().get(1).text();
    submit(browser.findElement(By.cssSelector("button[aria-label='Move question 2 up']")));
    assertThat(flash()).contains("Moved question 2 to place 1");
    assertThat(browser.findElement(By.id("question-1")).getText()).contains(second);
    screenshot("questions");
  }

  /** Sets an input's value as a date or time picker would, then tells the page it changed. */
  private void setValue(WebElement input, String value) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            input,
            value);
  }

  /**
   * Clicks a button that submits a form and waits until the browser has left the page: the next
   * look at the page must see the answer, not the page the click was made on.
   */
  /** A step over elements found afresh, tried again when the browser says they went stale. */
  private static <T> T retried(java.util.function.Supplier<T> step) {
    org.openqa.selenium.WebDriverException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return step.get();
      } catch (org.openqa.selenium.WebDriverException e) {
        last = e;
      }
    }
    throw last;
  }

  private void submit(WebElement button) {
    WebElement page = browser.findElement(By.tagName("html"));
    button.click();
    waitForNewPage(page);
  }

  /**
   * Waits until {@code page}, the old document's root, is gone. Chrome sometimes says so with an
   * inspector error ("does not belong to the document") instead of a stale element.
   */
  private void waitForNewPage(WebElement page) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d -> {
              try {
                page.isEnabled();
                return false;
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
              } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document"))
                  return true;
                throw e;
              }
            });
  }

  private void open(String path) {
    browser.get(f.url(path));
  }

  private String flash() {
    List<WebElement> flash = browser.findElements(By.cssSelector(".flash"));
    assertThat(flash)
        .as("a flash message on %s:%n%s", browser.getCurrentUrl(), browser.getPageSource())
        .isNotEmpty();
    return flash.get(0).getText();
  }

  private void screenshot(String name) {
    Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
    try {
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sentWeeksAgo(long draft, int weeks) {
    Instant at = Instant.now().minus(Duration.ofDays(7L * weeks));
    f.app
        .database()
        .transaction(
            c -> {
              Sql.update(
                  c,
                  "UPDATE draft SET status = 'SENT', sent_at = ?, message_id = ? WHERE id = ?",
                  at,
                  "<test" + draft + "@example.org>",
                  draft);
              return null;
            });
  }
}
