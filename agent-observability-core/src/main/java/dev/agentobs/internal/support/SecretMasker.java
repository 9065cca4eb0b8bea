package dev.agentobs.internal.support;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks what looks like a secret or personal data in an error message before it is kept and
 * shown: API keys, bearer and basic credentials, JSON web tokens, AWS secret keys, passwords
 * and tokens given as {@code name=value}, credentials and query values of URLs, webhook URLs
 * whose path is their secret, long random-looking strings and e-mail addresses. It errs on the
 * side of masking: an error message is for telling what went wrong, never for carrying a
 * secret to a health page.
 * <p>
 * Only failures are masked, but a failing agent may fail often: a message that cannot hold
 * any of these (no {@code :}, {@code =} or {@code @}, and no run of eight or more key-like
 * characters other than a lowercase word) is returned as is, with no pattern run and nothing
 * allocated.
 *
 * @since 0.1.0
 */
public final class SecretMasker {

	/** What a masked secret is replaced with. */
	public static final String MASK = "****";

	/** The error type that replaces one that looks like a secret. */
	public static final String REDACTED = "_REDACTED";

	// Only this much of a message is looked at: masking must stay cheap on a failing agent's thread.
	private static final int MAX_SCANNED = 2000;

	// The shortest run of key-like characters a pattern below masks, unless it is a lowercase word
	private static final int SHORTEST_KEY = 8;

	// The shortest run masked even when it is a lowercase word ("Bearer abcdefghijklmnop")
	private static final int SHORTEST_WORD_KEY = 16;

	// scheme://authority/path?query#fragment, up to a space, a quote or an angle bracket
	private static final Pattern URL = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>`]+");

	// What may end a sentence or a parenthesis around a URL, rather than the URL itself
	private static final String URL_TRAILERS = ".,;:!?)]}";

	// name=value, name: value, "name": "value" for names that end in a word saying the value is secret
	private static final Pattern NAMED_SECRET = Pattern.compile("(?i)(\\b[\\w.-]*(?:api[_-]?key|apikey|secret[_-]?key"
			+ "|access[_-]?key|private[_-]?key|secret|password|passwd|pwd|token|credentials?|auth)"
			+ "[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&}]+)");

	// Authorization header values: a credential of 8 or more characters with one that is no
	// letter, unlike prose ("basic authentication"), or any credential of 16 or more
	private static final Pattern AUTHORIZATION = Pattern.compile("\\b((?i:bearer|basic))(\\s+)"
			+ "(?:(?=[\\w.~+/=-]*[\\d_.~+/=-])[\\w.~+/=-]{" + SHORTEST_KEY + ",}|[\\w.~+/=-]{" + SHORTEST_WORD_KEY
			+ ",})");

	private static final Pattern JWT = Pattern.compile("\\beyJ[\\w-]{5,}\\.[\\w-]+\\.[\\w-]*");

	// Prefixed keys of well-known providers: sk-..., sk-ant-..., AKIA..., AIza..., ghp_..., xoxb-..., hf_...
	private static final Pattern PREFIXED_KEY = Pattern
		.compile("\\b(?:sk|pk|rk)-[\\w-]{12,}|\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b|\\bAIza[\\w-]{30,}|\\bgh[pousr]_\\w{20,}"
				+ "|\\bxox[abposr]-[\\w-]{10,}|\\bhf_\\w{20,}|\\bglpat-[\\w-]{20,}");

	// 40 or more base64 characters with lowercase, uppercase and digits, not starting as a path
	// does: AWS secret access keys (40 characters, with / and +) and other base64 keys.
	private static final Pattern BASE64_KEY = Pattern.compile("(?<![\\w+/=-])(?!/)(?=[A-Za-z0-9+/]*[a-z])"
			+ "(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[0-9])[A-Za-z0-9+/]{40,}={0,2}(?![\\w+/=-])");

	// 24 or more key-like characters with both letters and digits: hex and random keys, ids.
	private static final Pattern OPAQUE_TOKEN = Pattern
		.compile("(?<![\\w-])(?=[\\w-]*\\d)(?=[\\w-]*[A-Za-z])[\\w-]{24,}");

	private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}");

	// What an error type is checked for besides URLs: every pattern of a message but the opaque
	// token, which would take snake_case codes with a number for keys
	private static final Pattern[] ERROR_TYPE_SECRETS = { AUTHORIZATION, NAMED_SECRET, JWT, PREFIXED_KEY, BASE64_KEY,
			EMAIL };

	// 24 or more letters and digits with no separator: a random key when its digits fall in
	// three or more places, unlike a class name such as OAuth2AuthenticationException
	private static final Pattern UNSEPARATED_RUN = Pattern.compile("(?<![\\w-])[A-Za-z0-9]{24,}(?![\\w-])");

	private static final int RANDOM_DIGIT_GROUPS = 3;

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
	 * @return the text with every secret replaced by {@value #MASK}, and every webhook URL
	 * whose path is its secret shown as {@link RedactedUrl} shows it; the text itself when
	 * it holds no secret
	 */
	public static String mask(String text) {
		if (!mayHoldSecret(text)) {
			return text;
		}
		String masked = URL.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(maskUrl(match.group())));
		masked = AUTHORIZATION.matcher(masked).replaceAll("$1$2" + MASK);
		masked = NAMED_SECRET.matcher(masked).replaceAll(SecretMasker::keepName);
		masked = JWT.matcher(masked).replaceAll(MASK);
		masked = PREFIXED_KEY.matcher(masked).replaceAll(MASK);
		masked = BASE64_KEY.matcher(masked).replaceAll(MASK);
		masked = EMAIL.matcher(masked).replaceAll(MASK);
		return OPAQUE_TOKEN.matcher(masked).replaceAll(MASK);
	}

	/**
	 * An error type as it may be kept and shown: {@value #REDACTED} when it holds what looks
	 * like a secret. A type is a short, fixed name such as {@code rate_limited}; one that holds
	 * a token, a key, credentials, an e-mail address or a webhook URL is a mistake of the code
	 * that set it, and would put the secret in a metric label. The patterns are those of
	 * {@link #mask(String)}, but a long run of letters and digits counts as a key only when its
	 * digits fall in three or more places (a hex or random key, not {@code HTTP_429} or
	 * {@code OAuth2AuthenticationException}).
	 * @param errorType the error type
	 * @return the error type itself, or {@value #REDACTED}
	 */
	public static String safeErrorType(String errorType) {
		String scanned = (errorType.length() > MAX_SCANNED) ? errorType.substring(0, MAX_SCANNED) : errorType;
		return holdsSecret(scanned) ? REDACTED : errorType;
	}

	private static boolean holdsSecret(String text) {
		if (!mayHoldSecret(text)) {
			return false;
		}
		Matcher urls = URL.matcher(text);
		while (urls.find()) {
			if (!maskUrl(urls.group()).equals(urls.group())) {
				return true;
			}
		}
		for (Pattern secret : ERROR_TYPE_SECRETS) {
			if (secret.matcher(text).find()) {
				return true;
			}
		}
		Matcher runs = UNSEPARATED_RUN.matcher(text);
		while (runs.find()) {
			if (digitGroups(runs.group()) >= RANDOM_DIGIT_GROUPS) {
				return true;
			}
		}
		return false;
	}

	private static int digitGroups(String run) {
		int groups = 0;
		boolean inDigits = false;
		for (int i = 0; i < run.length(); i++) {
			boolean digit = Character.isDigit(run.charAt(i));
			if (digit && !inDigits) {
				groups++;
			}
			inDigits = digit;
		}
		return groups;
	}

	/**
	 * Whether any pattern of {@link #mask(String)} could match: a {@code :}, {@code =} or
	 * {@code @} (URLs, named secrets, e-mail addresses), or a run of key-like characters that
	 * is long enough and not a lowercase word. Every pattern's match lies in such a run.
	 */
	private static boolean mayHoldSecret(String text) {
		int run = 0;
		boolean word = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ':' || c == '=' || c == '@') {
				return true;
			}
			if (isKeyCharacter(c)) {
				word &= (run == 0) ? isLetter(c) : (c >= 'a' && c <= 'z');
				run++;
				if (run >= SHORTEST_WORD_KEY || (run >= SHORTEST_KEY && !word)) {
					return true;
				}
			}
			else {
				run = 0;
				word = true;
			}
		}
		return false;
	}

	private static boolean isKeyCharacter(char c) {
		return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '~' || c == '+'
				|| c == '/';
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/**
	 * A URL with its secrets masked: the whole of a webhook URL whose path is its secret
	 * (Slack, Discord, Teams, ...) after its host, and else the user info and every query
	 * and fragment value, keeping the names.
	 */
	private static String maskUrl(String match) {
		int end = match.length();
		while (end > 0 && URL_TRAILERS.indexOf(match.charAt(end - 1)) >= 0) {
			end--;
		}
		String url = match.substring(0, end);
		String trailer = match.substring(end);
		int authorityStart = url.indexOf("://") + 3;
		int authorityEnd = indexOfAny(url, "/?#", authorityStart);
		int at = url.lastIndexOf('@', authorityEnd - 1);
		int hostStart = (at >= authorityStart) ? at + 1 : authorityStart;
		String hostAndPort = url.substring(hostStart, authorityEnd);
		if (isSecretPathHost(host(hostAndPort))) {
			return RedactedUrl.of(url) + trailer;
		}
		StringBuilder masked = new StringBuilder(url.length()).append(url, 0, authorityStart);
		if (hostStart > authorityStart) {
			masked.append(MASK).append('@');
		}
		masked.append(hostAndPort);
		int queryStart = indexOfAny(url, "?#", authorityEnd);
		masked.append(url, authorityEnd, queryStart);
		if (queryStart < url.length()) {
			maskParameters(url.substring(queryStart), masked);
		}
		return masked.append(trailer).toString();
	}

	private static int indexOfAny(String text, String characters, int from) {
		for (int i = from; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return text.length();
	}

	private static String host(String hostAndPort) {
		int colon = hostAndPort.startsWith("[") ? hostAndPort.indexOf(']') + 1 : hostAndPort.indexOf(':');
		String host = (colon > 0) ? hostAndPort.substring(0, colon) : hostAndPort;
		return host.toLowerCase(Locale.ROOT);
	}

	/**
	 * Hosts whose webhook URLs hold their secret in the path, so that the whole URL after
	 * the host is the credential.
	 */
	private static boolean isSecretPathHost(String host) {
		return host.equals("hooks.slack.com") || host.equals("discord.com") || host.equals("discordapp.com")
				|| host.endsWith(".discord.com") || host.endsWith(".webhook.office.com")
				|| host.equals("outlook.office.com") || host.equals("outlook.office365.com")
				|| host.equals("hooks.zapier.com") || host.equals("api.telegram.org")
				|| host.equals("chat.googleapis.com");
	}

	/**
	 * The query and fragment with each value masked: {@code ?sig=abc&se=2025} becomes
	 * {@code ?sig=****&se=****}; a part without a name is masked whole when it could be a key.
	 */
	private static void maskParameters(String parameters, StringBuilder masked) {
		int start = 0;
		while (start < parameters.length()) {
			char separator = parameters.charAt(start);
			int end = indexOfAny(parameters, "&;#", start + 1);
			String part = parameters.substring(start + 1, end);
			masked.append(separator);
			int equals = part.indexOf('=');
			if (equals >= 0) {
				masked.append(part, 0, equals + 1).append((equals + 1 < part.length()) ? MASK : "");
			}
			else {
				masked.append((part.length() >= SHORTEST_KEY) ? MASK : part);
			}
			start = end;
		}
	}

	private static String keepName(MatchResult match) {
		String value = match.group(2);
		return Matcher.quoteReplacement(match.group(1) + (value.equals(MASK) ? value : MASK));
	}

}
