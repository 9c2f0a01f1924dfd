package org.xinqiao.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the simulator page and its script from {@code classpath:/simulator/}, outside Spring
 * Boot's public static folders: when the simulator is off (a real account), {@code /}, {@code
 * /index.html} and {@code /sim/simulator.js} simply do not exist (404).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorEnabled.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SimulatorPages implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/index.html").addResourceLocations("classpath:/simulator/");
    // only the files in that folder; /sim/api and /sim/wxapi are controllers, matched first
    registry.addResourceHandler("/sim/**").addResourceLocations("classpath:/simulator/sim/");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/").setViewName("forward:/index.html");
  }
}
