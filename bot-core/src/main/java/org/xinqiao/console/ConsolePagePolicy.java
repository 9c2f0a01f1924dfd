package org.xinqiao.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy for every console page: the pages are server-rendered with no inline
 * script or style, so nothing but this server's own files may run or style them, and no other site
 * may frame them. (No form-action: behind a proxy without forwarded headers the login redirect
 * would leave https and the browser would block it.) Public article pages keep their inline style
 * and are not covered. The simulator page has its own policy ({@code SimulatorSecurity}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsolePagePolicy {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> consoleContentSecurityPolicy() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CSP);
                chain.doFilter(request, response);
              }
            });
    registration.addUrlPatterns("/console", "/console/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
