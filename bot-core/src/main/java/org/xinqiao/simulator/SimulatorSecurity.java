package org.xinqiao.simulator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Opens the simulator page, its JSON endpoints and the fake WeChat API without a login. This is
 * safe only because {@link SimulatorEnabled} keeps the simulator off with a real WeChat account;
 * putting it behind the console login (for allow-with-real-account) comes with the console.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorEnabled.class)
class SimulatorSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain simulatorFilterChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/", "/index.html", "/favicon.ico", "/sim/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // no cookies or sessions here; /sim/api only consumes application/json, which a
        // cross-site form cannot send without a CORS preflight this server never grants
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                + " script-src 'self'; object-src 'none'; frame-ancestors 'none'")));
    return http.build();
  }
}
