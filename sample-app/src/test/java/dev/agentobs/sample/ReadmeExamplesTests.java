package dev.agentobs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every question the repository's README asks the sample, asked of the sample: where the
 * README shows the answer, the sample gives that answer word for word.
 */
@SampleAppTest
class ReadmeExamplesTests {

	private static final Path README = Path.of("..", "README.md");

	// A curl asking a question; the answer the README shows for it comes before the next curl
	private static final Pattern QUESTION = Pattern.compile("-d '\\{\"question\": \"([^\"]+)\"\\}'");

	private static final Pattern ANSWER = Pattern.compile("\\{\"answer\":\"([^\"]+)\",\"runId\"");

	@LocalServerPort
	private int port;

	@Test
	void everyAnswerTheReadmeShowsIsTheSamplesAnswer() throws IOException {
		List<Example> examples = examples(Files.readString(README));
		assertThat(examples).as("questions asked in README.md").hasSizeGreaterThanOrEqualTo(2);
		assertThat(examples).as("answers shown in README.md").filteredOn((example) -> example.answer() != null)
			.isNotEmpty();
		RestClient client = RestClient.create("http://localhost:" + this.port);
		for (Example example : examples) {
			Map<String, Object> response = client.post()
				.uri("/api/research")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("question", example.question()))
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			String answer = (String) response.get("answer");
			if (example.answer() != null) {
				assertThat(answer).as("the answer to '%s'", example.question()).isEqualTo(example.answer());
			}
			else {
				assertThat(answer).as("the answer to '%s'", example.question()).isNotBlank();
			}
		}
	}

	static List<Example> examples(String readme) {
		List<MatchResult> questions = QUESTION.matcher(readme).results().toList();
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			int end = (i + 1 < questions.size()) ? questions.get(i + 1).start() : readme.length();
			Matcher answer = ANSWER.matcher(readme).region(questions.get(i).end(), end);
			examples.add(new Example(questions.get(i).group(1), answer.find() ? answer.group(1) : null));
		}
		return examples;
	}

	record Example(String question, @Nullable String answer) {
	}

}
