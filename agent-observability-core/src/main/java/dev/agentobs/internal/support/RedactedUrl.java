package dev.agentobs.internal.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A URL as it may be printed: scheme, host and port, then a short hash of the rest. Slack,
 * Discord and Teams put the webhook's secret in its path, and other receivers put tokens in
 * the query or the user info, so nothing after the host is shown; the hash still tells two
 * URLs of one host apart in a log.
 *
 * @since 0.1.0
 */
public final class RedactedUrl {

	private static final Pattern REDACTED = Pattern
		.compile("(?:[A-Za-z][A-Za-z0-9+.-]*://[^/\\s]+/)?<sha256:[0-9a-f]{8}>");

	private RedactedUrl() {
	}

	/**
	 * The URL with everything after its host replaced by a hash.
	 * @param url the URL
	 * @return for example {@code https://hooks.slack.com/<sha256:1f2e3d4c>}, or just
	 * {@code https://hooks.example.com} when nothing follows the host
	 */
	public static String of(URI url) {
		String scheme = url.getScheme();
		String host = url.getHost();
		if (scheme == null || host == null) {
			return hash(url.toString());
		}
		String origin = scheme + "://" + host + ((url.getPort() != -1) ? ":" + url.getPort() : "");
		String rest = restAfterHost(url);
		return rest.isEmpty() ? origin : origin + "/" + hash(rest);
	}

	/**
	 * A URL given as text, redacted the same way; text that is not a URL is shown only as a
	 * hash, since it may be a secret put in the wrong place. Text already redacted is
	 * returned as it is, so that a value redacted where it was found is not hashed again
	 * where it is printed.
	 * @param url the text, or {@code null}
	 * @return the redacted form, or {@code null} for {@code null}
	 */
	public static @Nullable String of(@Nullable String url) {
		if (url == null || REDACTED.matcher(url).matches()) {
			return url;
		}
		try {
			return of(new URI(url));
		}
		catch (URISyntaxException ex) {
			return hash(url);
		}
	}

	private static String restAfterHost(URI url) {
		StringBuilder rest = new StringBuilder();
		if (url.getRawUserInfo() != null) {
			rest.append(url.getRawUserInfo()).append('@');
		}
		String path = url.getRawPath();
		if (path != null && !path.isEmpty() && !"/".equals(path)) {
			rest.append(path);
		}
		if (url.getRawQuery() != null) {
			rest.append('?').append(url.getRawQuery());
		}
		if (url.getRawFragment() != null) {
			rest.append('#').append(url.getRawFragment());
		}
		return rest.toString();
	}

	private static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return "<sha256:" + HexFormat.of().formatHex(digest, 0, 4) + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
