package dev.agentobs.internal.stats;

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
