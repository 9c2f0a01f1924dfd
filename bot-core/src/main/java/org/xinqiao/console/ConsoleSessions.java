package org.xinqiao.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.xinqiao.people.StaffRoles;

/**
 * Ends a revoked person's console access at once: their shared sessions are deleted from the
 * session store (found by principal name {@code p<id>}) and their unused login codes are voided.
 * {@link CurrentRoleCheck} guards every request as well, so nothing depends on this running.
 */
@Component
class ConsoleSessions {

  private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

  private final ConsoleLogin login;
  private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

  ConsoleSessions(
      ConsoleLogin login, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
    this.login = login;
    this.sessions = sessions;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(StaffRoles.RoleRevoked revoked) {
    login.invalidateCodes(revoked.personId());
    FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
    if (repository == null) {
      return;
    }
    var ids = repository.findByPrincipalName("p" + revoked.personId()).keySet();
    ids.forEach(repository::deleteById);
    log.info("ended {} console session(s) of p{}", ids.size(), revoked.personId());
  }
}
