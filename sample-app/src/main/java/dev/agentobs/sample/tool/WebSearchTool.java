package dev.agentobs.sample.tool;

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
 * A simulated web search: it answers from a small canned corpus, ranked by the words the query
 * shares with each page, after the short wait of a real search API. The pages and their
 * figures are made up for the sample.
 *
 * @since 0.1.0
 */
@Component
public class WebSearchTool {

	/** The most results one search returns. */
	static final int MAX_RESULTS = 3;

	private static final List<Page> CORPUS = List.of(
			new Page("Vector database market outlook", "https://research.example.org/vector-databases/market",
					"The vector database market was worth USD 1.6 billion in 2023 "
							+ "and is projected to reach USD 4.3 billion by 2028.",
					"vector", "database", "databases", "market", "embeddings", "rag"),
			new Page("Query volumes of open-source vector stores", "https://stats.example.net/vector-stores",
					"Open-source vector stores served 2.1 billion queries a day in 2024, "
							+ "up from 0.9 billion a year earlier.",
					"vector", "databases", "queries", "search", "embeddings"),
			new Page("Solar capacity additions", "https://energy.example.org/solar/capacity",
					"Global solar capacity additions rose from 240 GW in 2022 to 447 GW in 2023.", "solar", "energy",
					"capacity", "renewable", "renewables", "panels", "power"),
			new Page("Solar module prices", "https://energy.example.org/solar/prices",
					"Average module prices fell from 0.27 USD per watt to 0.11 USD per watt between 2023 and 2024.",
					"solar", "prices", "modules", "panels", "cost"),
			new Page("Electric car sales", "https://mobility.example.com/ev/sales",
					"Electric car sales grew from 10.5 million in 2022 to 13.8 million in 2023.", "electric", "cars",
					"car", "ev", "evs", "vehicles", "sales"),
			new Page("Battery pack prices", "https://mobility.example.com/batteries/prices",
					"Lithium-ion battery pack prices dropped from 161 USD per kWh in 2022 to 139 USD per kWh in 2023.",
					"battery", "batteries", "lithium", "prices", "electric", "storage"),
			new Page("Container orchestration survey", "https://cloud.example.net/surveys/orchestration",
					"Kubernetes runs in 84 percent of surveyed organisations, against 78 percent two years before.",
					"kubernetes", "containers", "cloud", "adoption", "orchestration"),
			new Page("Coffee production report", "https://agri.example.org/coffee/production",
					"World coffee production reached 168 million bags in 2023, "
							+ "against 164 million bags the season before.",
					"coffee", "production", "harvest", "beans"),
			new Page("The falling price of inference", "https://ai.example.com/inference/prices",
					"The price of frontier-model inference fell from 37.5 USD to 4.4 USD per million tokens "
							+ "in eighteen months.",
					"llm", "llms", "inference", "tokens", "cost", "price", "prices", "models", "language", "ai"),
			new Page("Sample return mission costs", "https://space.example.org/mars/sample-return",
					"Estimates for the Mars sample return mission grew from 4.4 billion USD to 11 billion USD.", "mars",
					"mission", "space", "nasa", "sample", "return", "cost"));

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
