package dev.agentobs.test.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Spring Boot 4's {@code @AutoConfigureMockMvc}, for the web tests both Spring Boot generations
 * share. The Spring Boot 3.5 test module has an annotation of the same name with its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureMockMvc
@interface BootAutoConfigureMockMvc {

}
