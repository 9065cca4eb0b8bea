package dev.agentobs.internal.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.cost.PriceCatalogue;

/**
 * A file of the price catalogue: where it is, the table its prices come from and their date.
 *
 * @param location where it was read from
 * @param source the table its prices come from, when the file says
 * @param url where that table is published, when the file says
 * @param date the day its prices were taken from that table, ISO-8601, when the file says
 * @param models the models it prices
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceCatalogueDescriptor(String location, @Nullable String source, @Nullable String url,
		@Nullable String date, int models) {

	/**
	 * Describe the files of a catalogue.
	 * @param sources the files
	 * @return their descriptors, in the order they were read
	 */
	public static List<PriceCatalogueDescriptor> of(List<PriceCatalogue.Source> sources) {
		List<PriceCatalogueDescriptor> descriptors = new ArrayList<>(sources.size());
		for (PriceCatalogue.Source source : sources) {
			descriptors.add(new PriceCatalogueDescriptor(source.location(), source.name(), source.url(),
					(source.date() != null) ? source.date().toString() : null, source.models()));
		}
		return descriptors;
	}

}
