package dev.agentobs.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the public types of a source tree that have no Javadoc. Javadoc is not in the class
 * files, so this reads the sources: a public type declaration must be preceded, past its
 * annotations, by the end of a {@code /** ... *}{@code /} comment. Types in packages named
 * {@code internal} are not part of the API and are left out.
 */
public final class PublicTypes {

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");

	private PublicTypes() {
	}

	/**
	 * The public types without Javadoc under a source root.
	 * @param sourceRoot the root, such as {@code src/main/java}
	 * @return entries {@code path:line Name}, empty when every public type is documented
	 */
	public static List<String> withoutJavadoc(Path sourceRoot) {
		if (!Files.isDirectory(sourceRoot)) {
			throw new IllegalArgumentException("no source root at " + sourceRoot.toAbsolutePath());
		}
		List<String> undocumented = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sourceRoot)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.getFileName().toString().equals("package-info.java"))
				.filter((file) -> !sourceRoot.relativize(file).toString().replace('\\', '/').contains("/internal/"))
				.sorted()
				.forEach((file) -> undocumented.addAll(undocumentedIn(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return undocumented;
	}

	private static List<String> undocumentedIn(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> undocumented = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher matcher = PUBLIC_TYPE.matcher(lines.get(i));
			if (matcher.find() && !documented(lines, i)) {
				undocumented.add(file + ":" + (i + 1) + " " + matcher.group(1));
			}
		}
		return undocumented;
	}

	private static boolean endsDeclarationOrComment(String line) {
		// An annotation's array argument may open a brace at the end of a line: that line
		// also opens a parenthesis it does not close
		boolean opensBlock = line.endsWith("{") && count(line, '(') <= count(line, ')');
		return line.isEmpty() || line.endsWith("*/") || line.endsWith(";") || opensBlock || line.endsWith("}");
	}

	private static long count(String line, char c) {
		return line.chars().filter((ch) -> ch == c).count();
	}

	private static boolean documented(List<String> lines, int declaration) {
		// Walk back over annotations, which may span lines, and line comments
		int line = declaration - 1;
		while (line >= 0 && (lines.get(line).strip().startsWith("//")
				|| !endsDeclarationOrComment(lines.get(line).strip()))) {
			line--;
		}
		if (line < 0 || !lines.get(line).strip().endsWith("*/")) {
			return false;
		}
		while (line >= 0 && !lines.get(line).contains("/*")) {
			line--;
		}
		return line >= 0 && lines.get(line).contains("/**");
	}

}
