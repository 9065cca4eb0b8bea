package dev.agentobs.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import dev.agentobs.api.AgentObservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The dashboard in a real browser, Debian's Chromium driven headless by Selenium, on the sample
 * as it runs, its background traffic feeding it: the page loads, the agents table shows
 * {@code research-agent} with a request count that grows between two refreshes, and a run opens
 * as a waterfall with its steps and tool calls and the fact checker nested in its tool call. A
 * name a model could choose ({@code <script>...}) shows as text. Screenshots are kept under
 * {@code target/dashboard-screenshots/}.
 * <p>
 * Needs {@code chromium} and {@code chromedriver} (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): skipped without them, except in CI
 * ({@code CI=true}), where their absence fails the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.rate=4", "sample.llm.latency=20ms", "sample.llm.failure-rate=0" })
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	static final String HOSTILE_AGENT = "<script>document.title='owned'</script>";

	private static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");

	private static final Duration PATIENCE = Duration.ofSeconds(45);

	@LocalServerPort
	private int port;

	@Autowired
	private AgentObservations observations;

	private ChromeDriver browser;

	private Path profile;

	@BeforeAll
	void startBrowser() throws IOException {
		File chromium = executable("CHROMIUM", "/usr/bin/chromium");
		File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
		this.profile = Files.createTempDirectory("dashboard-browser");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// As root, in a sandboxed workplace with no network: Chromium's own connections would only fail
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	void stopBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted((a, b) -> b.compareTo(a)).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void dashboardShowsTheAgentsLiveAndOpensARunAsAWaterfall() throws IOException {
		this.browser.get(url("/actuator/agentdashboard"));
		// The page redraws itself every few seconds: an element read just before a redraw is stale
		WebDriverWait wait = new WebDriverWait(this.browser, PATIENCE);
		wait.ignoring(StaleElementReferenceException.class);
		assertThat(this.browser.getTitle()).isEqualTo("Agents dashboard");

		// research-agent's runs since start, at one refresh and at a later one
		String refreshed = wait.until((browser) -> browser.findElement(By.tagName("body")).getDomAttribute("data-refreshed"));
		long before = wait.until((browser) -> {
			long now = sinceStart("research-agent");
			return (now >= 0) ? now : null;
		});
		long after = wait.until((browser) -> {
			long now = sinceStart("research-agent");
			boolean again = !refreshed.equals(browser.findElement(By.tagName("body")).getDomAttribute("data-refreshed"));
			return (again && now > before) ? now : null;
		});
		assertThat(after).isGreaterThan(before);

		screenshot("dashboard.png", 1280, 1600);

		// A name a model chose reaches the table with a refresh, as text, and nothing of it runs
		this.observations.agent(HOSTILE_AGENT).observe(() -> "done");
		wait.until((browser) -> agentRow(HOSTILE_AGENT) != null);
		assertThat(this.browser.getTitle()).isEqualTo("Agents dashboard");
		assertThat(this.browser.findElements(By.xpath("//script[contains(., 'owned')]"))).isEmpty();

		// A run of the research agent that called the fact checker, opened from the list of runs
		// (the list moves on with the traffic: a run that has left it is looked for again)
		String runId = wait.until((browser) -> {
			String found = runWithFactChecker();
			if (found == null) {
				return null;
			}
			browser.findElement(By.cssSelector("#runs a.open-run[data-run-id='" + found + "']")).click();
			return found;
		});
		wait.until((browser) -> browser.getCurrentUrl().contains("run=" + runId)
				&& !browser.findElements(By.cssSelector("#waterfall li[data-kind='agent_run']")).isEmpty());
		assertThat(this.browser.findElement(By.id("run")).isDisplayed()).isTrue();
		int steps = wait.until((browser) -> browser.findElements(By.cssSelector("#waterfall li[data-kind='agent_step']")).size());
		assertThat(steps).isGreaterThan(1);
		List<String> tools = wait.until((browser) -> names("#waterfall li[data-kind='tool_call'] > .node .name"));
		assertThat(tools).contains("web_search", "fact_check");
		// The fact checker's run inside the fact_check tool call, its own steps inside it
		String factChecker = wait.until((browser) -> {
			WebElement run = browser.findElement(By.xpath("//ul[contains(@class,'tree')]"
					+ "//li[@data-kind='tool_call'][div//span[@class='name' and text()='fact_check']]"
					+ "/ul/li[@data-kind='agent_run'][div//span[@class='name' and text()='fact-checker']]"));
			return run.findElements(By.cssSelector("li[data-kind='agent_step']")).isEmpty() ? null
					: run.getDomAttribute("data-depth");
		});
		assertThat(Integer.parseInt(factChecker)).isGreaterThan(2);
		screenshot("run.png", 1280, 2200);

		// The same on a phone, and in the dark
		screenshot("phone.png", 390, 1800);
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		screenshot("dark.png", 1280, 1600);
	}

	private WebElement agentRow(String agent) {
		return this.browser.findElements(By.cssSelector("#agents tbody tr"))
			.stream()
			.filter((row) -> !row.findElements(By.tagName("th")).isEmpty()
					&& agent.equals(row.findElement(By.tagName("th")).getText()))
			.findFirst()
			.orElse(null);
	}

	private long sinceStart(String agent) {
		WebElement row = agentRow(agent);
		if (row == null) {
			return -1;
		}
		List<WebElement> cells = row.findElements(By.tagName("td"));
		return Long.parseLong(cells.get(cells.size() - 1).getText().replace(",", ""));
	}

	private List<String> names(String selector) {
		return this.browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

	// The id of a run in the page's list whose tree holds the fact checker, or null while there is none
	private String runWithFactChecker() {
		RestClient client = RestClient.create();
		for (String runId : this.browser.findElements(By.cssSelector("#runs a.open-run"))
			.stream()
			.map((link) -> link.getDomAttribute("data-run-id"))
			.toList()) {
			String run = client.get().uri(url("/actuator/agentruns/" + runId)).retrieve().body(String.class);
			if (run != null && !JsonPath.<List<Object>>read(run, "$..[?(@.name == 'fact-checker')]").isEmpty()) {
				return runId;
			}
		}
		return null;
	}

	private void screenshot(String name, int width, int height) throws IOException {
		this.browser.manage().window().setSize(new Dimension(width, height));
		File shot = this.browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static File executable(String variable, String fallback) {
		String path = System.getenv(variable);
		File file = new File((path != null && !path.isBlank()) ? path : fallback);
		if (!file.canExecute()) {
			String message = file + " is missing: the dashboard's browser test needs Debian's chromium and "
					+ "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them), or "
					+ variable + " naming the executable";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			Assumptions.abort(message);
		}
		return file;
	}

}
