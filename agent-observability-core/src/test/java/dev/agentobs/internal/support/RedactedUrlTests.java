package dev.agentobs.internal.support;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedUrlTests {

	@Test
	void slackSecretInThePathIsHashed() {
		String shown = RedactedUrl.of(URI.create("https://hooks.slack.com/services/T000/B000/XXXXSECRET"));
		assertThat(shown).matches("https://hooks\\.slack\\.com/<sha256:[0-9a-f]{8}>").doesNotContain("XXXXSECRET", "T000");
	}

	@Test
	void portIsKeptAndQueryAndUserInfoAreHashed() {
		String shown = RedactedUrl.of(URI.create("http://bot:pw@127.0.0.1:8080/hook?token=abc#frag"));
		assertThat(shown).startsWith("http://127.0.0.1:8080/<sha256:").doesNotContain("bot", "pw", "token", "abc", "frag");
	}

	@Test
	void twoPathsOfOneHostStayApart() {
		assertThat(RedactedUrl.of(URI.create("https://hooks.example.com/a")))
			.isNotEqualTo(RedactedUrl.of(URI.create("https://hooks.example.com/b")));
	}

	@Test
	void nothingAfterTheHostShowsTheOrigin() {
		assertThat(RedactedUrl.of(URI.create("https://hooks.example.com"))).isEqualTo("https://hooks.example.com");
		assertThat(RedactedUrl.of(URI.create("https://hooks.example.com/"))).isEqualTo("https://hooks.example.com");
	}

	@Test
	void aRedactedUrlIsKeptAsItIs() {
		String once = RedactedUrl.of("https://hooks.slack.com/services/T000/B000/XXXXSECRET");
		assertThat(RedactedUrl.of(once)).isEqualTo(once);
		String hashOnly = RedactedUrl.of("not a url");
		assertThat(RedactedUrl.of(hashOnly)).isEqualTo(hashOnly);
	}

	@Test
	void textThatIsNotAUrlIsOnlyHashed() {
		assertThat(RedactedUrl.of("xoxb-secret token")).matches("<sha256:[0-9a-f]{8}>");
		assertThat(RedactedUrl.of("not-a-url")).matches("<sha256:[0-9a-f]{8}>");
		assertThat(RedactedUrl.of((String) null)).isNull();
	}

}
