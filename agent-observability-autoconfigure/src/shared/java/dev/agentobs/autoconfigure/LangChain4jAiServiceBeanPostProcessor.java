package dev.agentobs.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import dev.agentobs.internal.bridge.langchain4j.LangChain4jAiServiceObserver;

/**
 * Observes the AI services LangChain4j's Spring Boot starter makes of {@code @AiService}
 * interfaces, under their bean names. The starter builds each one in a factory bean of its own
 * that takes no listeners or tool hooks, so the built service is handed to the
 * {@link LangChain4jAiServiceObserver} as Spring post-processes it. Services built elsewhere
 * are left alone: whoever builds them hands their builder to the observer.
 *
 * @since 0.1.0
 */
final class LangChain4jAiServiceBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	// The factory bean LangChain4j's Spring Boot starter registers for every @AiService interface
	private static final String AI_SERVICE_FACTORY = "dev.langchain4j.service.spring.AiServiceFactory";

	private final ObjectProvider<LangChain4jAiServiceObserver> observer;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	LangChain4jAiServiceBeanPostProcessor(ObjectProvider<LangChain4jAiServiceObserver> observer) {
		this.observer = observer;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (beanFactory instanceof ConfigurableListableBeanFactory listable) ? listable : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		// Called for the factory bean itself and then for the service it made, under one name
		if (!(bean instanceof FactoryBean) && isMadeByAiServiceFactory(beanName)) {
			LangChain4jAiServiceObserver observer = this.observer.getIfAvailable();
			if (observer != null) {
				observer.observeBuilt(bean, beanName);
			}
		}
		return bean;
	}

	private boolean isMadeByAiServiceFactory(String beanName) {
		ConfigurableListableBeanFactory beanFactory = this.beanFactory;
		return beanFactory != null && beanFactory.containsBeanDefinition(beanName)
				&& AI_SERVICE_FACTORY.equals(beanFactory.getBeanDefinition(beanName).getBeanClassName());
	}

}
