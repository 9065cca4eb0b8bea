package dev.agentobs.internal.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback for tests: a JDK {@code HttpServer} on a free port whose
 * answer the test changes while it runs (200, 500, 429 with {@code Retry-After}, slow, never
 * answering), keeping every body it accepted.
 */
public final class TestWebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch released = new CountDownLatch(1);

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private final List<Long> requestTimes = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile int status = 200;

	private volatile String retryAfter;

	private volatile long delayMillis;

	private volatile boolean hanging;

	private TestWebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Start a receiver that accepts everything.
	 * @return the receiver
	 */
	public static TestWebhookReceiver start() {
		try {
			return new TestWebhookReceiver();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A URL on loopback where nothing listens: a connection to it is refused.
	 * @return the URL
	 */
	public static URI closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks/secret-path");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/secret-path");
	}

	/**
	 * Answer every request from now on with this status.
	 * @param status the status
	 */
	public void answer(int status) {
		answer(status, null);
	}

	/**
	 * Answer every request from now on with this status and {@code Retry-After} header.
	 * @param status the status
	 * @param retryAfter the header's value, or {@code null} for none
	 */
	public void answer(int status, String retryAfter) {
		this.retryAfter = retryAfter;
		this.hanging = false;
		this.status = status;
	}

	/**
	 * Take this long before each answer.
	 * @param delay the delay
	 */
	public void delay(Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	/**
	 * Never answer a request from now on, until the receiver is closed.
	 */
	public void neverAnswer() {
		this.hanging = true;
	}

	/**
	 * What each accepted notification was, in order of arrival: {@code firing
	 * HighAgentErrorRate/research-agent}, with the note after it when there is one.
	 * @return the notifications
	 */
	public List<String> received() {
		List<String> received = new ArrayList<>();
		for (String body : this.accepted) {
			// Alertmanager's payload carries labels and annotations; the starter's JSON, fields
			boolean alertmanager = body.contains("\"alerts\"");
			Map<String, Object> labels = JsonPath.read(body, alertmanager ? "$.alerts[0].labels" : "$.alert");
			Map<String, Object> notes = JsonPath.read(body, alertmanager ? "$.alerts[0].annotations" : "$.alert");
			Object name = labels.get(alertmanager ? "alertname" : "name");
			Object agent = labels.get(alertmanager ? "gen_ai_agent_name" : "agent");
			Object note = notes.get("note");
			received.add(JsonPath.read(body, "$.status") + " " + name + ((agent != null) ? "/" + agent : "")
					+ ((note != null) ? " (" + note + ")" : ""));
		}
		return received;
	}

	/**
	 * The bodies accepted, in order of arrival.
	 * @return the bodies
	 */
	public List<String> bodies() {
		return List.copyOf(this.accepted);
	}

	/**
	 * How many requests arrived, answered or not.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * When each request arrived, as {@link System#nanoTime()}.
	 * @return the times
	 */
	public List<Long> requestTimes() {
		return List.copyOf(this.requestTimes);
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requestTimes.add(System.nanoTime());
		this.requests.incrementAndGet();
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		try {
			if (this.hanging) {
				// Released by close(); bounded beyond every client timeout of the tests
				this.released.await(2, TimeUnit.MINUTES);
				return;
			}
			if (this.delayMillis > 0) {
				Thread.sleep(this.delayMillis);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		int answer = this.status;
		if (answer >= 200 && answer < 300) {
			this.accepted.add(new String(body, StandardCharsets.UTF_8));
		}
		if (this.retryAfter != null) {
			exchange.getResponseHeaders().add("Retry-After", this.retryAfter);
		}
		exchange.sendResponseHeaders(answer, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
