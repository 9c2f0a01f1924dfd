package org.xinqiao.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a commit that a reply is about to promise (an escalation: "the counselor has been told")
 * reach the disk before the reply goes out. PostgreSQL already flushes its WAL on every commit
 * (synchronous_commit); an H2 file database writes commits to the file (WRITE_DELAY=0, see {@link
 * DataSourceConfiguration}) but leaves them in the OS cache, so here it is synced with {@code
 * CHECKPOINT SYNC}. Rare (only escalations), so the cost of an fsync does not matter.
 */
@Component
public class DiskSync {

  private static final Logger log = LoggerFactory.getLogger(DiskSync.class);

  private final DataSource dataSource;
  private volatile Boolean h2File;

  DiskSync(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Syncs once the current transaction has committed (synchronously, in the committing thread, so
   * before the caller's reply leaves), or at once when there is no transaction.
   */
  public void afterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      sync();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            sync();
          }
        });
  }

  void sync() {
    // a fresh pooled connection: the committing one is still bound to the finished transaction
    try (Connection c = dataSource.getConnection()) {
      if (h2File == null) {
        h2File = c.getMetaData().getURL().startsWith("jdbc:h2:file:");
      }
      if (h2File) {
        try (Statement s = c.createStatement()) {
          s.execute("CHECKPOINT SYNC");
        }
      }
    } catch (SQLException e) {
      // the commit itself succeeded and is in the file; only the fsync is missing
      log.warn("could not sync the embedded database to disk: {}", e.getClass().getSimpleName());
    }
  }
}
