package dev.agentobs.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.internal.alert.JsonEncoder;

/**
 * The JSON writer of webhook bodies on Spring Boot 4: Jackson 3, the JSON library Spring Boot 4
 * configures. Imported by {@link AgentAlertingAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JsonMapper.class)
@ConditionalOnBooleanProperty(name = "monitoring.alerts.enabled", matchIfMissing = true)
class AlertJsonConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonEncoder agentAlertJsonEncoder(ObjectProvider<JsonMapper> jsonMapper) {
		// The application's mapper when Boot made one; payloads are maps, which naming
		// strategies leave alone, so its settings cannot rename a receiver's fields
		JsonMapper mapper = jsonMapper.getIfUnique(JsonMapper::new);
		return mapper::writeValueAsString;
	}

}
