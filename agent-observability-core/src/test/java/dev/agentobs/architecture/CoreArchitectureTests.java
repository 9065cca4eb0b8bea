package dev.agentobs.architecture;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the core keeps without anyone remembering them: its packages form no cycle, it
 * compiles without Spring Boot, it declares no beans, and what it makes public is documented.
 */
class CoreArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.agentobs");

	@Test
	void packagesShouldBeFreeOfCycles() {
		slices().matching("dev.agentobs.(**)").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void coreShouldNotDependOnSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(CORE);
	}

	@Test
	void coreShouldDeclareNoBeans() {
		noClasses().should()
			.beAnnotatedWith("org.springframework.context.annotation.Configuration")
			.orShould()
			.beAnnotatedWith("org.springframework.boot.autoconfigure.AutoConfiguration")
			.check(CORE);
		methods().should()
			.notBeAnnotatedWith("org.springframework.context.annotation.Bean")
			.allowEmptyShould(true)
			.check(CORE);
	}

	@Test
	void publicTypesOutsideInternalPackagesShouldHaveJavadoc() {
		assertThat(PublicTypes.withoutJavadoc(Path.of("src/main/java"))).isEmpty();
	}

}
