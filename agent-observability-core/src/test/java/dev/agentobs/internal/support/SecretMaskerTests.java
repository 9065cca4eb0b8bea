package dev.agentobs.internal.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretMasker}.
 */
class SecretMaskerTests {

	@Test
	void providerKeysAreMasked() {
		assertThat(SecretMasker.mask("Incorrect API key provided: sk-proj-Ab12Cd34Ef56Gh78Ij90. Find your key"))
			.isEqualTo("Incorrect API key provided: ****. Find your key");
		assertThat(SecretMasker.mask("invalid x-api-key sk-ant-api03-AbCdEfGhIjKlMnOp-qrstuv"))
			.isEqualTo("invalid x-api-key ****");
		assertThat(SecretMasker.mask("AWS key AKIAIOSFODNN7EXAMPLE denied")).isEqualTo("AWS key **** denied");
		assertThat(SecretMasker.mask("key=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW")).isEqualTo("key=****");
		assertThat(SecretMasker.mask("token ghp_16C7e42F292c6912E7710c838347Ae178B4a rejected"))
			.isEqualTo("token **** rejected");
	}

	@Test
	void bearerAndBasicCredentialsAreMasked() {
		assertThat(SecretMasker.mask("401 for header Authorization: Bearer abc.DEF-123_xyz~456"))
			.isEqualTo("401 for header Authorization: Bearer ****");
		assertThat(SecretMasker.mask("sent Basic dXNlcjpwYXNzd29yZA== to proxy")).isEqualTo("sent Basic **** to proxy");
		assertThat(SecretMasker.mask("basic authentication failed")).isEqualTo("basic authentication failed");
	}

	@Test
	void bearerCredentialsOfLettersOnlyAreMaskedWhenLong() {
		assertThat(SecretMasker.mask("401: Authorization: Bearer abcdefghijklmnopqrstuvwxyz"))
			.isEqualTo("401: Authorization: Bearer ****");
		assertThat(SecretMasker.mask("Basic YWxhZGRpbjpvcGVuc2VzYW1l rejected")).isEqualTo("Basic **** rejected");
		assertThat(SecretMasker.mask("bearer token expired")).isEqualTo("bearer token expired");
	}

	@Test
	void awsSecretAccessKeysAreMaskedWithOrWithoutTheirName() {
		assertThat(SecretMasker.mask("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
			.isEqualTo("aws_secret_access_key=****");
		assertThat(SecretMasker.mask("signature of wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY does not match"))
			.isEqualTo("signature of **** does not match");
		assertThat(SecretMasker.mask("temporary key ASIAIOSFODNN7EXAMPLE expired")).isEqualTo("temporary key **** expired");
		// A path is no key, though it may be as long and as mixed
		String path = "cannot read /home/Runner/work/Agents2/src/main/resources/Prompts";
		assertThat(SecretMasker.mask(path)).isEqualTo(path);
	}

	@Test
	void webhookUrlsWhoseSecretIsTheirPathShowOnlyTheirHost() {
		assertThat(SecretMasker.mask("POST https://hooks.slack.com/services/T0AAA1111/B0BBB2222/XyZSecret123 failed"))
			.matches("POST https://hooks\\.slack\\.com/<sha256:[0-9a-f]{8}> failed");
		assertThat(SecretMasker.mask("(https://discord.com/api/webhooks/1234567890/AbCdEfGhIjKl-mnop)"))
			.matches("\\(https://discord\\.com/<sha256:[0-9a-f]{8}>\\)");
		assertThat(SecretMasker.mask("to https://contoso.webhook.office.com/webhookb2/a1b2@c3d4/IncomingWebhook/e5f6/g7h8."))
			.matches("to https://contoso\\.webhook\\.office\\.com/<sha256:[0-9a-f]{8}>\\.");
	}

	@Test
	void urlsKeepTheirPathAndLoseTheirUserInfoAndQueryValues() {
		assertThat(SecretMasker.mask("GET https://blob.example.net/c/f.txt?sv=2024&sig=AbC%2Bdef&se=x#frag failed"))
			.isEqualTo("GET https://blob.example.net/c/f.txt?sv=****&sig=****&se=****#frag failed");
		assertThat(SecretMasker.mask("clone https://ghp_abc@github.com/org/repo.git denied"))
			.isEqualTo("clone https://****@github.com/org/repo.git denied");
		assertThat(SecretMasker.mask("callback http://127.0.0.1:8080/cb#access_token=xyz&state=1"))
			.isEqualTo("callback http://127.0.0.1:8080/cb#access_token=****&state=****");
		String plain = "HTTP 503 from https://api.example.com/v1/chat/completions";
		assertThat(SecretMasker.mask(plain)).isEqualTo(plain);
	}

	@Test
	void errorTypesThatHoldASecretAreRedacted() {
		assertThat(SecretMasker.safeErrorType("Bearer abc.DEF-123_xyz~456")).isEqualTo(SecretMasker.REDACTED);
		assertThat(SecretMasker.safeErrorType("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r"))
			.isEqualTo(SecretMasker.REDACTED);
		assertThat(SecretMasker.safeErrorType("AKIAIOSFODNN7EXAMPLE")).isEqualTo(SecretMasker.REDACTED);
		assertThat(SecretMasker.safeErrorType("sk-proj-Ab12Cd34Ef56Gh78Ij90")).isEqualTo(SecretMasker.REDACTED);
		assertThat(SecretMasker.safeErrorType("password=hunter2")).isEqualTo(SecretMasker.REDACTED);
		assertThat(SecretMasker.safeErrorType("9f86d081884c7d659a2feaa0c55ad015")).isEqualTo(SecretMasker.REDACTED);
		assertThat(SecretMasker.safeErrorType("https://hooks.slack.com/services/T0/B0/XyZ")).isEqualTo(SecretMasker.REDACTED);
		for (String type : new String[] { "rate_limited", "HTTP_429", "tool_error", "context_length_exceeded_4096",
				"openai.RateLimitError", "java.net.SocketTimeoutException", "HTTP 503: unavailable",
				"org.springframework.security.oauth2.core.OAuth2AuthenticationException",
				"https://api.example.com/v1/chat/completions", "042" + "e".repeat(9_997) }) {
			assertThat(SecretMasker.safeErrorType(type)).isSameAs(type);
		}
	}

	@Test
	void messagesThatCannotHoldASecretAreReturnedThemselves() {
		for (String message : new String[] { "Read timed out", "model gpt-4o timed out after 30 s",
				"Connection reset by peer", "The upstream service refused the request" }) {
			assertThat(SecretMasker.mask(message)).isSameAs(message);
		}
	}

	@Test
	void namedSecretsKeepTheirNameAndLoseTheirValue() {
		assertThat(SecretMasker.mask("GET /v1?api_key=hunter2&q=weather failed"))
			.isEqualTo("GET /v1?api_key=****&q=weather failed");
		assertThat(SecretMasker.mask("{\"password\": \"s3cr3t\", \"user\": \"bob\"}"))
			.isEqualTo("{\"password\": \"****\", \"user\": \"bob\"}");
		assertThat(SecretMasker.mask("client_secret=abc access_token: xyz"))
			.isEqualTo("client_secret=**** access_token: ****");
		assertThat(SecretMasker.mask("max_tokens: 4096 is above the limit"))
			.isEqualTo("max_tokens: 4096 is above the limit");
	}

	@Test
	void jsonWebTokensAndLongRandomStringsAreMasked() {
		assertThat(SecretMasker.mask("expired eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r"))
			.isEqualTo("expired ****");
		assertThat(SecretMasker.mask("session 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15 invalid"))
			.isEqualTo("session **** invalid");
	}

	@Test
	void credentialsInUrlsAreMasked() {
		assertThat(SecretMasker.mask("cannot reach https://admin:pa55word@db.example.com:5432/agents"))
			.isEqualTo("cannot reach https://****@db.example.com:5432/agents");
	}

	@Test
	void emailAddressesAreMasked() {
		assertThat(SecretMasker.mask("user jane.doe+agents@example.co.uk not allowed"))
			.isEqualTo("user **** not allowed");
	}

	@Test
	void ordinaryMessagesAreKept() {
		String message = "Connection refused: localhost/127.0.0.1:8080 after 3 retries (timeout 30s)";
		assertThat(SecretMasker.mask(message)).isEqualTo(message);
		String exception = "java.lang.IllegalStateException: tool web_search returned HTTP 503";
		assertThat(SecretMasker.mask(exception)).isEqualTo(exception);
	}

	@Test
	void messagesAreMaskedBeforeTheyAreCut() {
		// Cut first, the key would end up too short to be recognised, and leak in part
		String message = "x".repeat(185) + " sk-proj-Ab12Cd34Ef56Gh78Ij90Kl";
		assertThat(SecretMasker.maskAndCut(message, 200)).isEqualTo("x".repeat(185) + " ****");
		String longMessage = "api_key=hunter2 " + "y".repeat(300);
		assertThat(SecretMasker.maskAndCut(longMessage, 200)).hasSize(200)
			.startsWith("api_key=**** yyy")
			.endsWith("y\u2026");
		assertThat(SecretMasker.maskAndCut(null, 200)).isEmpty();
		assertThat(SecretMasker.maskAndCut("short", 200)).isEqualTo("short");
	}

}
