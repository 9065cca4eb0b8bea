package dev.agentobs.internal.stats;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks what looks like a secret or personal data in an error message before it is kept and
 * shown: API keys, bearer and basic credentials, JSON web tokens, passwords and tokens given
 * as {@code name=value}, credentials in URLs, long random-looking strings and e-mail
 * addresses. It errs on the side of masking: an error message is for telling what went
 * wrong, never for carrying a secret to a health page.
 *
 * @since 0.1.0
 */
public final class SecretMasker {

	/** What a masked secret is replaced with. */
	public static final String MASK = "****";

	// Only this much of a message is looked at: masking must stay cheap on a failing agent's thread.
	private static final int MAX_SCANNED = 2000;

	// name=value, name: value, "name": "value" for names that end in a word saying the value is secret
	private static final Pattern NAMED_SECRET = Pattern.compile("(?i)(\\b[\\w.-]*(?:api[_-]?key|apikey|secret[_-]?key"
			+ "|access[_-]?key|private[_-]?key|secret|password|passwd|pwd|token|credentials?|auth)"
			+ "[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&}]+)");

	// Authorization header values; the credential has a digit or padding, unlike prose ("basic authentication")
	private static final Pattern AUTHORIZATION = Pattern
		.compile("\\b((?i:bearer|basic))(\\s+)(?=[\\w.~+/=-]*[0-9=])[\\w.~+/=-]{8,}");

	private static final Pattern URL_CREDENTIALS = Pattern
		.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^\\s/@:]+:[^\\s/@]+@");

	private static final Pattern JWT = Pattern.compile("\\beyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*");

	// Prefixed keys of well-known providers: sk-..., sk-ant-..., AKIA..., AIza..., ghp_..., xoxb-..., hf_...
	private static final Pattern PREFIXED_KEY = Pattern
		.compile("\\b(?:sk|pk|rk)-[\\w-]{12,}|\\bAKIA[0-9A-Z]{16}\\b|\\bAIza[\\w-]{30,}|\\bgh[pousr]_\\w{20,}"
				+ "|\\bxox[abposr]-[\\w-]{10,}|\\bhf_\\w{20,}|\\bglpat-[\\w-]{20,}");

	// 24 or more key-like characters with both letters and digits: hex and random keys, ids.
	private static final Pattern OPAQUE_TOKEN = Pattern
		.compile("(?<![\\w-])(?=[\\w-]*\\d)(?=[\\w-]*[A-Za-z])[\\w-]{24,}");

	private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}");

	private SecretMasker() {
	}

	/**
	 * Mask the secrets in a message, then cut it.
	 * @param message the message, or {@code null}
	 * @param maxLength the most characters to keep; a cut message ends with an ellipsis
	 * @return the masked message, empty for {@code null}
	 */
	public static String maskAndCut(@Nullable String message, int maxLength) {
		if (message == null || message.isEmpty()) {
			return "";
		}
		// Masking before cutting: a cut could leave the start of a key too short to be recognised.
		String scanned = (message.length() > MAX_SCANNED) ? message.substring(0, MAX_SCANNED) : message;
		String masked = mask(scanned);
		return (masked.length() > maxLength) ? masked.substring(0, Math.max(0, maxLength - 1)) + "\u2026" : masked;
	}

	/**
	 * Mask the secrets in a text.
	 * @param text the text
	 * @return the text with every secret replaced by {@value #MASK}
	 */
	public static String mask(String text) {
		String masked = URL_CREDENTIALS.matcher(text).replaceAll("$1" + MASK + "@");
		masked = AUTHORIZATION.matcher(masked).replaceAll("$1$2" + MASK);
		masked = NAMED_SECRET.matcher(masked).replaceAll((match) -> keepName(match));
		masked = JWT.matcher(masked).replaceAll(MASK);
		masked = PREFIXED_KEY.matcher(masked).replaceAll(MASK);
		masked = EMAIL.matcher(masked).replaceAll(MASK);
		return OPAQUE_TOKEN.matcher(masked).replaceAll(MASK);
	}

	private static String keepName(MatchResult match) {
		String value = match.group(2);
		return Matcher.quoteReplacement(match.group(1) + (value.equals(MASK) ? value : MASK));
	}

}
