package dev.agentobs.sample.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import dev.agentobs.event.AgentEvent;
import dev.agentobs.event.AgentEventListener;

/**
 * A subscriber to the agent event API: it counts finished operations and failures by event
 * name ({@code agent.run}, {@code model.generate}, {@code tool.call}, ...), shows the counts
 * on {@code /actuator/info} under {@code agentEvents} and logs each event at DEBUG. Listeners
 * run on the agent's thread, so this one only increments counters.
 *
 * @since 0.1.0
 */
@Component
public class AgentEventCounter implements AgentEventListener, InfoContributor {

	private static final Logger logger = LoggerFactory.getLogger(AgentEventCounter.class);

	private final ConcurrentMap<String, LongAdder> events = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, LongAdder> failures = new ConcurrentHashMap<>();

	@Override
	public void onEvent(AgentEvent event) {
		this.events.computeIfAbsent(event.name(), (name) -> new LongAdder()).increment();
		if (event.error() != null) {
			this.failures.computeIfAbsent(event.name(), (name) -> new LongAdder()).increment();
		}
		if (logger.isDebugEnabled()) {
			logger.debug("{} {} took {} ms{}", event.name(), event.operation().name(), event.duration().toMillis(),
					(event.error() != null) ? " and failed: " + event.error() : "");
		}
	}

	/**
	 * How many events of the given name were received.
	 * @param eventName the event name, such as {@code tool.call}
	 * @return the count
	 */
	public long count(String eventName) {
		LongAdder count = this.events.get(eventName);
		return (count != null) ? count.sum() : 0;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new TreeMap<>();
		this.events.forEach((name, count) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("count", count.sum());
			LongAdder failed = this.failures.get(name);
			counts.put("failed", (failed != null) ? failed.sum() : 0);
			details.put(name, counts);
		});
		builder.withDetail("agentEvents", details);
	}

}
