package dev.agentobs.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.StreamUtils;

import dev.agentobs.internal.support.JsonReader;

/**
 * The keys under {@code monitoring.} that the starter knows, derived from its properties
 * classes rather than listed: the configuration metadata on the class path names each
 * {@code monitoring.*} group and its class, and each class's JavaBean properties are walked,
 * down into the elements of lists and the values of maps that the metadata leaves out
 * ({@code webhooks[0].secret}, {@code cost.models.<model>.input}). So a property added to a
 * class, or a class added under {@code monitoring.}, is known with nothing else to update. A
 * key that no class binds (read from the environment, or kept for compatibility) is known
 * once declared in {@code additional-spring-configuration-metadata.json}, as any documented
 * key must be.
 * <p>
 * Keys are compared as Spring Boot's relaxed binding compares them: case, dashes and
 * underscores aside ({@code smtp_host}, {@code smtpHost} and {@code smtp-host} are one key).
 * Environment variables lose the dashes and dots both, so their words may join to make one
 * element ({@code MONITORING_HEALTH_MIN_REQUESTS} is {@code monitoring.health.min-requests}).
 */
final class MonitoringKeys {

	private static final Logger logger = LoggerFactory.getLogger(MonitoringKeys.class);

	/** The root of every key checked. */
	static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("monitoring");

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final Set<KeyPattern> patterns = new LinkedHashSet<>();

	/**
	 * The keys that the configuration metadata visible to a class loader declares under
	 * {@code monitoring.}.
	 * @param classLoader the application's class loader
	 * @return the keys; none when no metadata declares any
	 */
	static MonitoringKeys load(@Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		MonitoringKeys keys = new MonitoringKeys();
		Enumeration<URL> resources;
		try {
			resources = (loader != null) ? loader.getResources(METADATA) : ClassLoader.getSystemResources(METADATA);
		}
		catch (IOException ex) {
			logger.warn("Could not list the configuration metadata on the class path: {}", ex.toString());
			return keys;
		}
		while (resources.hasMoreElements()) {
			URL resource = resources.nextElement();
			try {
				keys.read(resource, loader);
			}
			catch (IOException | IllegalArgumentException ex) {
				// Its keys are then reported as unknown, naming the file that could not be read
				logger.warn("Could not read configuration metadata {}: {}", resource, ex.toString());
			}
		}
		return keys;
	}

	/**
	 * Whether any key is known: without metadata (a build without the configuration processor)
	 * nothing can be judged.
	 * @return whether there are keys
	 */
	boolean isEmpty() {
		return this.patterns.isEmpty();
	}

	/**
	 * Add the keys of a properties class bound under a prefix.
	 * @param prefix the prefix, such as {@code monitoring.alerts}
	 * @param type the class
	 */
	private void addGroup(String prefix, Class<?> type) {
		add(elements(prefix), ResolvableType.forClass(type), new HashSet<>());
	}

	/**
	 * Add one key the metadata declares, and what may follow it when its type is a map or a
	 * list.
	 * @param name the key, such as {@code monitoring.metrics.max-tag-values}
	 * @param type its type as the metadata writes it, such as {@code java.util.Map<...>}
	 */
	private void addProperty(String name, @Nullable String type) {
		List<String> key = elements(name);
		this.patterns.add(new KeyPattern(key));
		if (type != null && type.startsWith("java.util.Map")) {
			this.patterns.add(new KeyPattern(append(key, KeyPattern.REST)));
		}
		else if (type != null && (type.startsWith("java.util.List") || type.startsWith("java.util.Set")
				|| type.startsWith("java.util.Collection") || type.endsWith("[]"))) {
			this.patterns.add(new KeyPattern(append(key, KeyPattern.INDEX)));
		}
	}

	/**
	 * Whether a key is known.
	 * @param name the key, under {@link #ROOT}
	 * @param environmentVariable whether it comes from an environment variable, whose words
	 * may join to make one element
	 * @return whether some property of the starter has this key
	 */
	boolean isKnown(ConfigurationPropertyName name, boolean environmentVariable) {
		String[] elements = uniformElements(name);
		for (KeyPattern pattern : this.patterns) {
			if (pattern.matches(elements, 0, 0, environmentVariable)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The known key nearest to an unknown one: the one fewest edits away when it is near
	 * enough to be a typo (two edits, more for a long last element), or else one that ends in
	 * the same element, in the same group first (a group left out, such as
	 * {@code monitoring.alerts.error-rate}).
	 * @param name the unknown key
	 * @return the known key written as the unknown one is (its list indexes and map keys
	 * kept), or {@code null} when none is near
	 */
	@Nullable String nearest(ConfigurationPropertyName name) {
		String[] elements = uniformElements(name);
		String typed = String.join(".", elements);
		String last = elements[elements.length - 1];
		String nearest = null;
		int nearestDistance = Integer.MAX_VALUE;
		String sameEnd = null;
		long sameEndRank = Long.MAX_VALUE;
		for (KeyPattern pattern : this.patterns) {
			String[] candidate = pattern.fill(name, elements, false);
			int distance = distance(typed, String.join(".", candidate));
			if (distance < nearestDistance) {
				nearest = String.join("", pattern.fill(name, elements, true));
				nearestDistance = distance;
			}
			if (pattern.endsWithName() && candidate[candidate.length - 1].equals(last)) {
				// In the same group first (the most leading elements in common), then the fewest edits
				long rank = ((long) (elements.length - commonLeadingElements(elements, candidate)) << 32) + distance;
				if (rank < sameEndRank) {
					sameEnd = String.join("", pattern.fill(name, elements, true));
					sameEndRank = rank;
				}
			}
		}
		// Two edits make most typos (a letter left out, two swapped); longer names bear more
		return (nearestDistance <= Math.max(2, last.length() / 4)) ? nearest : sameEnd;
	}

	private void read(URL resource, @Nullable ClassLoader loader) throws IOException {
		String json;
		try (InputStream in = resource.openStream()) {
			json = StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		// Most metadata on a class path declares nothing under monitoring: not worth parsing
		if (!json.contains("\"monitoring")) {
			return;
		}
		if (!(JsonReader.read(json) instanceof Map<?, ?> metadata)) {
			throw new IllegalArgumentException("Configuration metadata must be a JSON object");
		}
		for (Map<?, ?> group : entries(metadata.get("groups"))) {
			String name = string(group.get("name"));
			String type = string(group.get("type"));
			Class<?> groupClass = (name != null && isUnderRoot(name) && type != null) ? load(type, loader) : null;
			if (groupClass != null) {
				addGroup(name, groupClass);
			}
		}
		// The keys of the groups' classes are known by now, down to list elements and map
		// values; what remains is declared by hand, for keys that no class binds
		for (Map<?, ?> property : entries(metadata.get("properties"))) {
			String name = string(property.get("name"));
			if (name != null && isUnderRoot(name) && !isKnown(ConfigurationPropertyName.adapt(name, '.'), false)) {
				addProperty(name, string(property.get("type")));
			}
		}
	}

	// What the binder binds: the key itself, and below it the elements of a list, the values
	// of a map (a map of plain values takes keys with dots too), the properties of a group
	private void add(List<String> key, ResolvableType type, Set<Class<?>> walking) {
		this.patterns.add(new KeyPattern(key));
		Class<?> raw = type.resolve(Object.class);
		if (Map.class.isAssignableFrom(raw)) {
			ResolvableType value = type.asMap().getGeneric(1);
			if (isPlainValue(value.resolve(Object.class))) {
				this.patterns.add(new KeyPattern(append(key, KeyPattern.REST)));
			}
			else {
				add(append(key, KeyPattern.MAP_KEY), value, walking);
			}
		}
		else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
			ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
			add(append(key, KeyPattern.INDEX), element, walking);
		}
		else if (!isPlainValue(raw) && walking.add(raw)) {
			for (Map.Entry<String, ResolvableType> property : boundProperties(raw).entrySet()) {
				add(append(key, DataObjectPropertyName.toDashedForm(property.getKey())), property.getValue(), walking);
			}
			walking.remove(raw);
		}
	}

	// What the binder binds of a JavaBean: a property through its setter, or into what its
	// getter returns when that is a group, a list or a map (a getter alone of a plain value
	// binds nothing). Read from the public methods rather than through java.beans, which is
	// slow to start (it loads the java.desktop module)
	private static Map<String, ResolvableType> boundProperties(Class<?> type) {
		Map<String, ResolvableType> properties = new TreeMap<>();
		Map<String, ResolvableType> getters = new TreeMap<>();
		for (Method method : type.getMethods()) {
			String name = method.getName();
			if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
				continue;
			}
			if (name.startsWith("set") && name.length() > 3 && method.getParameterCount() == 1) {
				properties.put(propertyName(name.substring(3)), ResolvableType.forMethodParameter(method, 0, type));
			}
			else if (name.startsWith("get") && name.length() > 3 && method.getParameterCount() == 0) {
				getters.put(propertyName(name.substring(3)), ResolvableType.forMethodReturnType(method, type));
			}
		}
		getters.forEach((name, getterType) -> {
			if (!isPlainValue(getterType.resolve(Object.class))) {
				properties.putIfAbsent(name, getterType);
			}
		});
		return properties;
	}

	// As JavaBeans name properties: URL stays URL, Enabled becomes enabled
	private static String propertyName(String suffix) {
		if (suffix.length() > 1 && Character.isUpperCase(suffix.charAt(1)) && Character.isUpperCase(suffix.charAt(0))) {
			return suffix;
		}
		return Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
	}

	// A value converted from one string (a number, a duration, a URI), not a group of keys
	private static boolean isPlainValue(Class<?> type) {
		if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
			return false;
		}
		return type.isPrimitive() || Enum.class.isAssignableFrom(type) || type.getName().startsWith("java.")
				|| type.getName().startsWith("javax.");
	}

	private static @Nullable Class<?> load(String type, @Nullable ClassLoader loader) {
		try {
			return ClassUtils.forName(type, loader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// A group of a class that is not there binds nothing; its keys in the metadata
			// are still known
			return null;
		}
	}

	private static boolean isUnderRoot(String name) {
		return name.equals(ROOT.toString()) || name.startsWith(ROOT + ".");
	}

	private static List<Map<?, ?>> entries(@Nullable Object list) {
		List<Map<?, ?>> entries = new ArrayList<>();
		if (list instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof Map<?, ?> entry) {
					entries.add(entry);
				}
			}
		}
		return entries;
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value instanceof String text) ? text : null;
	}

	// Leniently: hand-written metadata may hold a key such as collect_interval
	private static List<String> elements(String name) {
		ConfigurationPropertyName parsed = ConfigurationPropertyName.adapt(name, '.');
		List<String> elements = new ArrayList<>();
		for (int i = 0; i < parsed.getNumberOfElements(); i++) {
			elements.add(parsed.getElement(i, Form.DASHED));
		}
		return elements;
	}

	private static List<String> append(List<String> key, String element) {
		List<String> appended = new ArrayList<>(key);
		appended.add(element);
		return appended;
	}

	private static String[] uniformElements(ConfigurationPropertyName name) {
		String[] elements = new String[name.getNumberOfElements()];
		for (int i = 0; i < elements.length; i++) {
			elements[i] = name.getElement(i, Form.UNIFORM).toLowerCase(Locale.ROOT);
		}
		return elements;
	}

	private static int commonLeadingElements(String[] a, String[] b) {
		int common = 0;
		while (common < a.length && common < b.length && a[common].equals(b[common])) {
			common++;
		}
		return common;
	}

	/**
	 * How many single-character edits turn one text into the other (Levenshtein).
	 * @param a one text
	 * @param b the other
	 * @return the number of insertions, deletions and substitutions
	 */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * One known key, whose elements are names (dashed) or stand for any list index, any map
	 * key, or any rest of a key.
	 */
	private static final class KeyPattern {

		static final String INDEX = "[*]";

		static final String MAP_KEY = "*";

		static final String REST = "**";

		private final List<String> elements;

		private final String[] uniform;

		KeyPattern(List<String> elements) {
			this.elements = List.copyOf(elements);
			this.uniform = new String[elements.size()];
			for (int i = 0; i < this.uniform.length; i++) {
				String element = elements.get(i);
				this.uniform[i] = isWildcard(element) ? element : uniform(element);
			}
		}

		boolean endsWithName() {
			return !isWildcard(this.elements.get(this.elements.size() - 1));
		}

		boolean matches(String[] name, int patternIndex, int nameIndex, boolean joinWords) {
			if (patternIndex == this.uniform.length) {
				return nameIndex == name.length;
			}
			if (nameIndex == name.length) {
				return false;
			}
			String element = this.uniform[patternIndex];
			if (element.equals(REST)) {
				return true;
			}
			if (element.equals(INDEX) || (element.equals(MAP_KEY) && !joinWords)) {
				return matches(name, patternIndex + 1, nameIndex + 1, joinWords);
			}
			if (element.equals(MAP_KEY)) {
				// A map key in an environment variable may take several of its words
				for (int end = nameIndex + 1; end <= name.length; end++) {
					if (matches(name, patternIndex + 1, end, true)) {
						return true;
					}
				}
				return false;
			}
			if (!joinWords) {
				return element.equals(name[nameIndex]) && matches(name, patternIndex + 1, nameIndex + 1, false);
			}
			StringBuilder joined = new StringBuilder();
			for (int end = nameIndex; end < name.length && joined.length() < element.length(); end++) {
				joined.append(name[end]);
				if (element.contentEquals(joined) && matches(name, patternIndex + 1, end + 1, true)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * This key with the list indexes and map keys of a key as written.
		 * @param name the key as written
		 * @param uniformName its elements in uniform form
		 * @param written whether to give the elements as a key is written ({@code .name},
		 * {@code [0]}) rather than in uniform form
		 * @return the elements
		 */
		String[] fill(ConfigurationPropertyName name, String[] uniformName, boolean written) {
			List<String> filled = new ArrayList<>();
			for (int i = 0; i < this.elements.size(); i++) {
				String element = this.elements.get(i);
				if (!isWildcard(element)) {
					filled.add(written ? ((i > 0) ? "." : "") + element : this.uniform[i]);
					continue;
				}
				if (i >= uniformName.length) {
					filled.add(element.equals(INDEX) ? (written ? "[0]" : "0") : (written ? ".<key>" : "key"));
					continue;
				}
				int last = element.equals(REST) ? uniformName.length : i + 1;
				for (int j = i; j < last; j++) {
					filled.add(written ? writtenElement(name, j) : uniformName[j]);
				}
			}
			return filled.toArray(new String[0]);
		}

		// As Spring Boot compares names: lower case, letters and digits only
		private static String uniform(String element) {
			StringBuilder uniform = new StringBuilder(element.length());
			for (int i = 0; i < element.length(); i++) {
				char c = element.charAt(i);
				if (Character.isLetterOrDigit(c)) {
					uniform.append(Character.toLowerCase(c));
				}
			}
			return uniform.toString();
		}

		private static boolean isWildcard(String element) {
			return element.equals(INDEX) || element.equals(MAP_KEY) || element.equals(REST);
		}

		private static String writtenElement(ConfigurationPropertyName name, int index) {
			String original = name.getElement(index, Form.ORIGINAL);
			boolean indexed = name.chop(index + 1).isLastElementIndexed();
			return indexed ? "[" + original + "]" : "." + original;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof KeyPattern pattern && this.elements.equals(pattern.elements);
		}

		@Override
		public int hashCode() {
			return this.elements.hashCode();
		}

	}

}
