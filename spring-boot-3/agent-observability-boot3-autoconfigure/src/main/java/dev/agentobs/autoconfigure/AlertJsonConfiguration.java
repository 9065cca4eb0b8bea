package dev.agentobs.autoconfigure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.internal.alert.JsonEncoder;

/**
 * The JSON writer of webhook bodies on Spring Boot 3.5: Jackson 2, the JSON library Spring Boot
 * 3.5 configures. Imported by {@link AgentAlertingAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ObjectMapper.class)
@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
class AlertJsonConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonEncoder agentAlertJsonEncoder(ObjectProvider<ObjectMapper> objectMapper) {
		// The application's mapper when Boot made one; payloads are maps, which naming
		// strategies leave alone, so its settings cannot rename a receiver's fields
		ObjectMapper mapper = objectMapper.getIfUnique(ObjectMapper::new);
		return (payload) -> {
			try {
				return mapper.writeValueAsString(payload);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException("Cannot write a webhook body as JSON", ex);
			}
		};
	}

}
