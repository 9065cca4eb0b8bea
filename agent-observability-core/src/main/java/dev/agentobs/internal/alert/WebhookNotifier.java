package dev.agentobs.internal.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertCategory;
import dev.agentobs.alert.AlertNotifier;
import dev.agentobs.internal.support.RedactedUrl;

/**
 * Posts alerts to one webhook: in its format, signed when it has a secret, retried with
 * exponential backoff and jitter on 5xx, 429 and I/O errors, and on nothing else.
 *
 * @since 0.1.0
 */
public class WebhookNotifier implements AlertNotifier {

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final URI url;

	private final WebhookFormat format;

	private final JsonEncoder json;

	private final Set<AlertCategory> events;

	private final @Nullable WebhookSigner signer;

	private final Duration timeout;

	private final int maxAttempts;

	private final Duration backoff;

	private final Map<String, String> headers;

	private final String service;

	private final RunbookLinks runbooks;

	private final HttpClient client;

	/**
	 * Create a notifier.
	 * @param url the webhook's URL, http or https
	 * @param format the body's format
	 * @param json writes the body's JSON
	 * @param events the categories it wants, empty for all
	 * @param signer signs each request, or {@code null} for none
	 * @param timeout how long one attempt may take
	 * @param maxAttempts how many attempts at most, 1 or more
	 * @param backoff the wait before the first retry; each retry doubles it
	 * @param headers extra request headers
	 * @param service the application's name, put in each payload
	 * @param runbooks the runbook of each alert, put in each payload when there is one
	 */
	public WebhookNotifier(URI url, WebhookFormat format, JsonEncoder json, Set<AlertCategory> events, @Nullable WebhookSigner signer,
			Duration timeout, int maxAttempts, Duration backoff, Map<String, String> headers, String service,
			RunbookLinks runbooks) {
		checkUrl("url", url);
		checkMaxAttempts("maxAttempts", maxAttempts);
		this.url = url;
		this.format = format;
		this.json = json;
		this.events = events.isEmpty() ? EnumSet.allOf(AlertCategory.class) : EnumSet.copyOf(events);
		this.signer = signer;
		this.timeout = timeout;
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
		this.headers = Map.copyOf(headers);
		this.service = service;
		this.runbooks = runbooks;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * Check a webhook's URL, for code that reads it from configuration and wants to report a
	 * bad one under its own name.
	 * @param name the name to report, such as {@code url}
	 * @param url the URL, or {@code null} when none was given
	 * @throws IllegalArgumentException naming {@code name}, the URL and what would be right
	 */
	public static void checkUrl(String name, @Nullable URI url) {
		if (url == null || (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()))) {
			throw new IllegalArgumentException(
					name + " must be an http or https URL such as https://hooks.example.com/agents, was " + url);
		}
	}

	/**
	 * Check how many attempts a notification may take, for code that reads it from
	 * configuration and wants to report a bad one under its own name.
	 * @param name the name to report, such as {@code maxAttempts}
	 * @param maxAttempts the attempts at most
	 * @throws IllegalArgumentException naming {@code name}, the value and what would be right
	 */
	public static void checkMaxAttempts(String name, int maxAttempts) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException(name + " must be 1 or more (4 retries a few times), was " + maxAttempts);
		}
	}

	@Override
	public String channel() {
		return "webhook";
	}

	@Override
	public String receiver() {
		// Never the path, query or user info: Slack, Discord and Teams put the secret there
		return RedactedUrl.of(this.url);
	}

	@Override
	public boolean accepts(Alert alert) {
		return this.events.contains(alert.category());
	}

	/**
	 * Post one alert, retrying 5xx, 429 and I/O errors up to the maximum attempts. A wait the
	 * receiver asks for ({@code Retry-After}) longer than this notifier's longest backoff is
	 * not slept through here: the delivery fails with that wait, for the queue to keep.
	 * @param alert the alert
	 * @throws DeliveryException when the receiver answered an error
	 * @throws IOException when it could not be reached
	 * @throws InterruptedException when the delivery thread is stopped
	 */
	@Override
	public void send(Alert alert) throws IOException, InterruptedException {
		// Encoded once: the signature covers exactly the bytes of every attempt
		byte[] body = this.json.encode(this.format.payload(alert, this.service, this.runbooks.of(alert.name())))
			.getBytes(StandardCharsets.UTF_8);
		for (int attempt = 1;; attempt++) {
			HttpResponse<Void> response;
			try {
				response = this.client.send(request(body), HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				if (attempt >= this.maxAttempts) {
					throw ex;
				}
				Thread.sleep(backoff(attempt).toMillis());
				continue;
			}
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return;
			}
			if (status != 429 && status < 500) {
				throw DeliveryException.refused("answered " + status + "; a client error is not retried");
			}
			Duration retryAfter = retryAfter(response);
			if (attempt >= this.maxAttempts) {
				throw DeliveryException.retryable(
						"answered " + status + ((attempt > 1) ? " to all " + attempt + " attempts" : ""), retryAfter);
			}
			if (retryAfter != null && retryAfter.compareTo(MAX_BACKOFF) > 0) {
				throw DeliveryException.retryable(
						"answered " + status + " asking to retry after " + retryAfter.toSeconds() + "s", retryAfter);
			}
			Thread.sleep(((retryAfter != null) ? retryAfter : backoff(attempt)).toMillis());
		}
	}

	private HttpRequest request(byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "agent-observability")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		this.headers.forEach(request::header);
		if (this.signer != null) {
			String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
			long timestamp = Instant.now().getEpochSecond();
			request.header("webhook-id", id)
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", this.signer.sign(id, timestamp, body));
		}
		return request.build();
	}

	/**
	 * The wait before retry number {@code attempt}: the backoff doubled per attempt, capped,
	 * half of it fixed and half random so that many senders do not retry in step.
	 */
	Duration backoff(int attempt) {
		long base = this.backoff.toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, MAX_BACKOFF.toMillis());
		long half = capped / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	private static @Nullable Duration retryAfter(HttpResponse<?> response) {
		Optional<String> value = response.headers().firstValue("Retry-After");
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(Long.parseLong(value.get().trim()), 0));
		}
		catch (NumberFormatException ex) {
			// An HTTP date, or nonsense: the backoff decides
			return null;
		}
	}

}
