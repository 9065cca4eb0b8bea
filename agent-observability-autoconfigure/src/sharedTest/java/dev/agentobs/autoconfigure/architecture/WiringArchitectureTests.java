package dev.agentobs.autoconfigure.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import dev.agentobs.architecture.PublicTypes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the wiring: only the {@code autoconfigure} package declares auto-configurations
 * and beans (the health indicator and endpoints are adapters the wiring creates), its packages
 * form no cycle, and what it makes public is documented.
 */
class WiringArchitectureTests {

	private static final JavaClasses WIRING = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.agentobs.autoconfigure");

	// The wiring both Spring Boot generations compile lives beside the Spring Boot 4 module's
	// own sources; the Spring Boot 3.5 module reaches it from its directory two levels down.
	private static final Path SHARED_SOURCES = Stream
		.of(Path.of("src/shared/java"), Path.of("../../agent-observability-autoconfigure/src/shared/java"))
		.filter(Files::isDirectory)
		.findFirst()
		.orElseThrow();

	@Test
	void onlyTheAutoconfigurePackageShouldDeclareAutoConfigurations() {
		classes().that()
			.areAnnotatedWith("org.springframework.boot.autoconfigure.AutoConfiguration")
			.or()
			.areAnnotatedWith("org.springframework.context.annotation.Configuration")
			.should()
			.resideInAPackage("dev.agentobs.autoconfigure")
			.check(WIRING);
	}

	@Test
	void onlyTheAutoconfigurePackageShouldDeclareBeans() {
		methods().that()
			.areAnnotatedWith("org.springframework.context.annotation.Bean")
			.should()
			.beDeclaredInClassesThat()
			.resideInAPackage("dev.agentobs.autoconfigure")
			.check(WIRING);
	}

	@Test
	void packagesShouldBeFreeOfCycles() {
		slices().matching("dev.agentobs.(**)").should().beFreeOfCycles().check(WIRING);
	}

	@Test
	void publicTypesOutsideInternalPackagesShouldHaveJavadoc() {
		assertThat(PublicTypes.withoutJavadoc(Path.of("src/main/java"))).isEmpty();
		assertThat(PublicTypes.withoutJavadoc(SHARED_SOURCES)).isEmpty();
	}

}
