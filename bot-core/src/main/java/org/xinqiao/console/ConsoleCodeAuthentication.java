package org.xinqiao.console;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Turns a one-time code typed on the login page into a logged-in {@link StaffPrincipal}. The client
 * is the request's remote address, which is the real client's address behind the shipped proxy
 * because the server trusts its forwarded headers ({@code server.forward-headers-strategy}).
 */
@Component
class ConsoleCodeAuthentication implements AuthenticationProvider {

  private final ConsoleLogin login;

  ConsoleCodeAuthentication(ConsoleLogin login) {
    this.login = login;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String code = String.valueOf(authentication.getPrincipal());
    String client =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    ConsoleLogin.Attempt attempt = login.redeem(code, client);
    if (attempt.refusal() == ConsoleLogin.Refusal.CLIENT_LOCKED) {
      throw new LockedException("too many failed console logins from this client");
    }
    StaffPrincipal staff =
        attempt.staff().orElseThrow(() -> new BadCredentialsException("invalid or expired code"));
    return UsernamePasswordAuthenticationToken.authenticated(
        staff, null, List.of(new SimpleGrantedAuthority(staff.authority())));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
