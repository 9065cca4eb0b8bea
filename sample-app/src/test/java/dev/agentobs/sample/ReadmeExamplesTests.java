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
 * README shows the answer, the sample gives that answer word for word; the stream the README
 * shows is the sample's stream.
 */
@SampleAppTest
class ReadmeExamplesTests {

	private static final Path README = Path.of("..", "README.md");

	// A curl asking a question; the answer the README shows for it comes before the next curl
	private static final Pattern QUESTION = Pattern.compile("-d '\\{\"question\": \"([^\"]+)\"\\}'");

	// A curl streaming a question, and the chunks the README shows for it
	private static final Pattern STREAMED_QUESTION = Pattern.compile("--data-urlencode 'question=([^']+)'");

	private static final Pattern CHUNK = Pattern.compile("data:\\{\"text\":\"([^\"]*)\"\\}");

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

	@Test
	void theStreamTheReadmeShowsIsTheSamplesStream() throws Exception {
		String readme = Files.readString(README);
		Matcher question = STREAMED_QUESTION.matcher(readme);
		assertThat(question.find()).as("a streamed question in README.md").isTrue();
		int blockEnd = readme.indexOf("event:done", question.end());
		List<String> shownChunks = CHUNK.matcher(readme.substring(question.end(), blockEnd))
			.results()
			.map((chunk) -> chunk.group(1))
			.toList();
		assertThat(shownChunks).as("chunks shown in README.md").hasSizeGreaterThanOrEqualTo(2);

		ResearchStreams.Stream stream = ResearchStreams.ask(this.port, question.group(1));
		assertThat(stream.events()).filteredOn((event) -> event.name().equals("chunk"))
			.extracting((event) -> event.data().get("text").asString())
			.startsWith(shownChunks.toArray(String[]::new));
		assertThat(stream.last().name()).isEqualTo("done");
		assertThat(stream.last().data().propertyNames()).containsExactly("runId", "traceId");
		// Streamed, the answer is the one the README shows for the same question asked without streaming
		examples(readme).stream()
			.filter((example) -> example.question().equals(question.group(1)) && example.answer() != null)
			.forEach((example) -> assertThat(stream.answer()).isEqualTo(example.answer()));
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
