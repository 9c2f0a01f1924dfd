package org.xinqiao.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open what. The WeChat callback, the simulator (only present when enabled), public article
 * pages and secret calendar feeds are open; every console page needs a staff login, and each
 * feature's controller narrows it further with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class ConsoleSecurity {

  @Bean
  SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ConsoleCodeAuthentication codes)
      throws Exception {
    http.authenticationProvider(codes)
        .csrf(csrf -> csrf.ignoringRequestMatchers("/wx/**", "/sim/**"))
        .headers(h -> h.frameOptions(f -> f.deny()))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/console/login", "/console/console.css")
                    .permitAll()
                    .requestMatchers("/console/**")
                    .hasAnyRole("TEACHER", "COUNSELOR", "ADMIN")
                    .requestMatchers(
                        "/wx/**",
                        "/sim/**",
                        "/",
                        "/index.html",
                        "/simulator/**",
                        "/favicon.ico",
                        "/articles/**",
                        "/ics/**",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .formLogin(
            form ->
                form.loginPage("/console/login")
                    .loginProcessingUrl("/console/login")
                    .usernameParameter("code")
                    .passwordParameter("unused")
                    .defaultSuccessUrl("/console", true)
                    .failureUrl("/console/login?error"))
        .logout(
            logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?out"));
    return http.build();
  }
}
