package dev.agentobs.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationImportSelector;
import org.springframework.boot.context.annotation.DeterminableImports;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports every auto-configuration of the starter: those of the application's
 * {@code AutoConfiguration.imports} files in the {@code dev.agentobs} package. Reading the
 * starter's own list, rather than repeating it, keeps tests in step with every feature the
 * starter gains. As an {@link AutoConfigurationImportSelector} it joins Spring Boot's
 * auto-configuration group, so the starter's auto-configurations are ordered together with
 * Spring Boot's (after its registries and tracer) and excluded by
 * {@code spring.autoconfigure.exclude} and the slice's {@code excludeAutoConfiguration}.
 */
class StarterAutoConfigurationImportSelector extends AutoConfigurationImportSelector implements DeterminableImports {

	private static final String STARTER_PACKAGE = "dev.agentobs.";

	@Override
	public Set<Object> determineImports(AnnotationMetadata metadata) {
		return new LinkedHashSet<>(starterAutoConfigurations());
	}

	// No @EnableAutoConfiguration to read exclusions from: empty ones rather than none, as
	// Spring Boot 3.5 reads them without a null check (Spring Boot 4 would accept null)
	@Override
	protected AnnotationAttributes getAttributes(AnnotationMetadata metadata) {
		AnnotationAttributes attributes = new AnnotationAttributes();
		attributes.put("exclude", new String[0]);
		attributes.put("excludeName", new String[0]);
		return attributes;
	}

	@Override
	protected List<String> getCandidateConfigurations(AnnotationMetadata metadata,
			@Nullable AnnotationAttributes attributes) {
		return starterAutoConfigurations();
	}

	private List<String> starterAutoConfigurations() {
		List<String> starter = new ArrayList<>();
		for (String candidate : ImportCandidates.load(AutoConfiguration.class, getBeanClassLoader())) {
			if (candidate.startsWith(STARTER_PACKAGE)) {
				starter.add(candidate);
			}
		}
		return starter;
	}

	@Override
	protected void handleInvalidExcludes(List<String> invalidExcludes) {
		// Exclusions name auto-configurations of any library; those of others are not ours
	}

	@Override
	public int getOrder() {
		return super.getOrder() - 1;
	}

}
