package org.xinqiao.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Who may use the simulator page, its endpoints and the fake WeChat API. With the embedded fake
 * account they are open (nothing real can be reached: {@link SimulatorEnabled} keeps the simulator
 * off otherwise). When an admin runs it beside a real account (allow-with-real-account), a page
 * that signs callbacks for any openid is for admins signed in at the console only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorEnabled.class)
@ConditionalOnWebApplication
class SimulatorSecurity {

  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " object-src 'none'; frame-ancestors 'none'";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain simulatorFilterChain(HttpSecurity http, Environment env) throws Exception {
    boolean realAccount = SimulatorEnabled.besideRealAccount(env);
    http.securityMatcher("/", "/index.html", "/favicon.ico", "/sim/**")
        // /sim/api only consumes application/json, which a cross-site form cannot send without a
        // CORS preflight this server never grants; the fake API is called by the bot itself
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
    if (realAccount) {
      http.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
          .exceptionHandling(
              e ->
                  e.authenticationEntryPoint(
                      new LoginUrlAuthenticationEntryPoint("/console/login")));
    } else {
      http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
    return http.build();
  }
}
