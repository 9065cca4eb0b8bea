package dev.agentobs.sample.tool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * A simulated web search: it answers from a small canned corpus ({@code web-search-pages.tsv}),
 * ranked by the words the query shares with each page, after the short wait of a real search
 * API. The pages and their figures are made up for the sample.
 *
 * @since 0.1.0
 */
@Component
public class WebSearchTool {

	/** The most results one search returns. */
	static final int MAX_RESULTS = 3;

	private static final String PAGES = "/web-search-pages.tsv";

	private static final List<Page> CORPUS = readPages();

	private static final List<Page> FALLBACK = List.of(new Page("Technology adoption survey",
			"https://surveys.example.com/technology/adoption",
			"Across the technology segments surveyed, year-on-year growth went from 12 percent to 19 percent.",
			"technology", "growth", "survey"));

	/**
	 * Search the web.
	 * @param query the query, such as {@code vector database market size}
	 * @return the best results, at most three, never none
	 */
	public List<SearchResult> search(String query) {
		pause();
		Set<String> words = new HashSet<>(Arrays.asList(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
		List<Page> matches = new ArrayList<>();
		for (Page page : CORPUS) {
			if (page.score(words) > 0) {
				matches.add(page);
			}
		}
		matches.sort(Comparator.comparingInt((Page page) -> page.score(words)).reversed());
		List<Page> pages = matches.isEmpty() ? FALLBACK : matches.subList(0, Math.min(MAX_RESULTS, matches.size()));
		List<SearchResult> results = new ArrayList<>(pages.size());
		for (Page page : pages) {
			results.add(page.result());
		}
		return results;
	}

	private static List<Page> readPages() {
		InputStream input = WebSearchTool.class.getResourceAsStream(PAGES);
		if (input == null) {
			throw new IllegalStateException("The simulated web search has no pages: " + PAGES + " is missing");
		}
		List<Page> pages = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] fields = line.split("\t");
					pages.add(new Page(fields[0], fields[1], fields[2], fields[3].split(" ")));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + PAGES, ex);
		}
		return List.copyOf(pages);
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(20, 60));
		}
		catch (InterruptedException ex) {
			// Shutting down: answer at once and let the caller see the interrupt
			Thread.currentThread().interrupt();
		}
	}

	private record Page(String title, String url, String snippet, Set<String> keywords) {

		Page(String title, String url, String snippet, String... keywords) {
			this(title, url, snippet, Set.of(keywords));
		}

		int score(Set<String> words) {
			int score = 0;
			for (String keyword : this.keywords) {
				if (words.contains(keyword)) {
					score++;
				}
			}
			return score;
		}

		SearchResult result() {
			return new SearchResult(this.title, this.url, this.snippet);
		}

	}

}
