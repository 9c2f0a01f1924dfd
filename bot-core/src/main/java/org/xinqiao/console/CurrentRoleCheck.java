package org.xinqiao.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;

/**
 * A console session is only as good as the role behind it: on every console request the person's
 * current role is read from the database, and a session whose person was revoked, demoted or
 * deleted ends there and then (on every instance, since the role and the session are both in the
 * database).
 */
class CurrentRoleCheck extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CurrentRoleCheck.class);

  private final People people;

  CurrentRoleCheck(People people) {
    this.people = people;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/console");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff) {
      Optional<Person> now = people.find(staff.personId());
      if (now.isEmpty() || now.get().role() != staff.role()) {
        log.info(
            "console session of p{} ended: role is no longer {}", staff.personId(), staff.role());
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/console/login?ended");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
