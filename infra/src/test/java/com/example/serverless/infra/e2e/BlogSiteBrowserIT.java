package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;

import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import com.example.serverless.localcloud.SentEmail;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * MyBlog in a real browser (Debian's headless Chromium, driven by its chromedriver) through the site's CloudFront
 * distribution: a reader sees the posts and subscribes with the form, confirms with the emailed link, an author signs
 * in on the author page and publishes, the reader's announcement arrives and its link unsubscribes in one click.
 * Locally the browser resolves *.cloudfront.net to MiniStack and accepts MiniStack's certificate only (by its key).
 * A failed test leaves a screenshot under target/browser/. Skipped where Chromium is not installed (.ci/run installs it).
 */
@ExtendWith({E2eStack.class, BlogSiteBrowserIT.Screenshot.class})
class BlogSiteBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration DELIVERY = Duration.ofSeconds(120);

    private static E2eStack.Stack stack;
    private static SentMail mail;
    private static TestUsers users;
    private static BlogTestData written;
    private static WebDriver browser;
    private static URI site;

    @BeforeAll
    static void deployed(E2eStack.Stack deployed) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here: install Debian's chromium and chromium-driver (.ci/run does)");
        stack = deployed;
        mail = SentMail.of(stack);
        BlogNotifierIT.verifySender(stack);
        users = new TestUsers(stack);
        written = new BlogTestData(stack);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1024,768",
                        "--user-data-dir=" + Files.createTempDirectory("chromium"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (stack.isLocal()) {
            URI miniStack = stack.miniStack().orElseThrow().endpoint();
            options.addArguments("--host-resolver-rules=MAP *.cloudfront.net " + miniStack.getHost(),
                    "--ignore-certificate-errors-spki-list=" + stack.miniStack().orElseThrow().trustStore().publicKeyPin());
        }
        site = stack.target().siteUrl(stack.outputs().get("SiteUrl"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterAll
    static void removeWhatThisClassWrote() {
        if (browser != null) {
            browser.quit();
        }
        if (written != null) {
            written.close();
            users.close();
        }
    }

    @Test
    void aReaderSubscribesAnAuthorPublishesTheReaderIsToldAndLeavesInOneClick() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "site-" + run;
        String reader = "site-reader-" + run + "@example.com";
        written.subscriber(reader);
        SignedInUser author = users.signUpInGroup("site-author-" + run, "authors");

        open("/subscribe.html");
        browser.findElement(By.id("email")).sendKeys(reader);
        browser.findElement(By.id("tags")).sendKeys(tag);
        browser.findElement(By.cssSelector("#subscribe button")).click();
        statusSays("Check your inbox");

        SentEmail confirmation = Eventually.await("the confirmation email", DELIVERY, () -> mail.to(reader),
                mails -> !mails.isEmpty()).getFirst();
        open("/api/confirm?token=" + SentMail.tokenAfter(confirmation, "/confirm?token="));
        browser.findElement(By.cssSelector("form button")).click();
        heading("Subscribed");

        String slug = "site-" + run;
        String title = "Seen in a browser " + run;
        written.post(slug);
        open("/author.html");
        browser.findElement(By.id("username")).sendKeys(author.email());
        browser.findElement(By.id("password")).sendKeys(author.password());
        browser.findElement(By.cssSelector("#sign-in button")).click();
        statusSays("Signed in.");
        browser.findElement(By.id("slug")).sendKeys(slug);
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("summary")).sendKeys("<b>not bold</b>");
        browser.findElement(By.id("body")).sendKeys("Hello, <script>readers</script>");
        browser.findElement(By.id("post-tags-input")).sendKeys(tag);
        browser.findElement(By.cssSelector("#publish button")).click();
        statusSays("Published: " + title);

        open("/");
        WebElement link = until(ExpectedConditions.elementToBeClickable(By.linkText(title)));
        assertThat("the summary as text, not markup", browser.findElement(By.id("posts")).getText(),
                containsString("<b>not bold</b>"));
        link.click();
        until(ExpectedConditions.textToBe(By.id("post-title"), title));
        assertThat(browser.findElement(By.id("post-body")).getText(), containsString("Hello, <script>readers</script>"));

        SentEmail announcement = Eventually.await("the announcement to the reader", DELIVERY,
                () -> mail.announcements(reader, title), mails -> !mails.isEmpty()).getFirst();
        open("/api/unsubscribe?token=" + SentMail.tokenAfter(announcement, "/unsubscribe?token="));
        browser.findElement(By.cssSelector("form button")).click();
        heading("Unsubscribed");
        assertThat("one announcement", mail.announcements(reader, title), hasSize(1));
        assertThat("no browser errors", browserErrors(), empty());
    }

    private static void open(String path) {
        browser.get(site + path);
    }

    private static void statusSays(String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
    }

    private static void heading(String text) {
        until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    private static <T> T until(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    /** Console errors (a CSP violation among them) the pages logged. */
    private static List<String> browserErrors() {
        return browser.manage().logs().get("browser").getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString).toList();
    }

    /** A screenshot of the page a failed test left the browser on, under target/browser/. */
    static final class Screenshot implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser instanceof ChromeDriver chrome) {
                try {
                    Path dir = Path.of(System.getProperty("infra.dir", ".")).resolve("target/browser");
                    Files.createDirectories(dir);
                    Files.write(dir.resolve(context.getRequiredTestMethod().getName() + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
                    Files.writeString(dir.resolve(context.getRequiredTestMethod().getName() + ".html"), chrome.getPageSource());
                } catch (IOException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }
}
