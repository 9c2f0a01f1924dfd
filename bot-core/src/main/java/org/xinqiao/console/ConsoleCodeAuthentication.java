package org.xinqiao.console;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Turns a one-time code typed on the login page into a logged-in {@link StaffPrincipal}. */
@Component
class ConsoleCodeAuthentication implements AuthenticationProvider {

  private final ConsoleLogin login;

  ConsoleCodeAuthentication(ConsoleLogin login) {
    this.login = login;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String code = String.valueOf(authentication.getPrincipal());
    StaffPrincipal staff =
        login
            .redeem(code)
            .orElseThrow(() -> new BadCredentialsException("invalid or expired code"));
    return UsernamePasswordAuthenticationToken.authenticated(
        staff, null, List.of(new SimpleGrantedAuthority(staff.authority())));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
