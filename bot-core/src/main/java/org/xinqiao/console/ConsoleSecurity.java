package org.xinqiao.console;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.xinqiao.people.People;

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
  SecurityFilterChain consoleSecurityFilterChain(
      HttpSecurity http, ConsoleCodeAuthentication codes, People people) throws Exception {
    http.authenticationProvider(codes)
        .addFilterBefore(new CurrentRoleCheck(people), AuthorizationFilter.class)
        .csrf(csrf -> csrf.ignoringRequestMatchers("/wx/**", "/sim/**"))
        .headers(h -> h.frameOptions(f -> f.deny()))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/console/login", "/console/console.css")
                    .permitAll()
                    .requestMatchers("/console/**")
                    .hasAnyRole("TEACHER", "COUNSELOR", "ADMIN", "LEAD_COUNSELOR", "SAFEGUARDING")
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
                    .failureHandler(loginFailures()))
        .logout(
            logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?out"));
    return http.build();
  }

  /**
   * A lead counselor (心理组长) is a counselor too: every {@code hasRole('COUNSELOR')} page is theirs,
   * and casework lets them see every case.
   */
  @Bean
  static RoleHierarchy consoleRoleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy("ROLE_LEAD_COUNSELOR > ROLE_COUNSELOR");
  }

  private static AuthenticationFailureHandler loginFailures() {
    var failures = new ExceptionMappingAuthenticationFailureHandler();
    failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/console/login?locked"));
    failures.setDefaultFailureUrl("/console/login?error");
    return failures;
  }

  /**
   * The shared session cookie: HttpOnly, SameSite=Lax (Strict would drop the session when a
   * counselor opens a console link from a WeChat page, a cross-site navigation) and Secure whenever
   * the public address is https. Behind the proxy the request itself is seen as https too, through
   * the forwarded headers ({@code server.forward-headers-strategy}), so redirects stay on https.
   */
  @Bean
  DefaultCookieSerializerCustomizer consoleSessionCookie(
      @Value("${xinqiao.public-url:http://localhost}") String publicUrl) {
    return cookie -> {
      cookie.setUseHttpOnlyCookie(true);
      cookie.setSameSite("Lax");
      if (publicUrl.startsWith("https:")) {
        cookie.setUseSecureCookie(true);
      }
    };
  }
}
