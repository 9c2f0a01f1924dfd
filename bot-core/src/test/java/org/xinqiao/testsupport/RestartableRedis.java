package org.xinqiao.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * An embedded redis-server on a fixed free port that a test may stop and start again (same port,
 * empty data), to see what the bot does while Redis is down. Close it at the end of the test.
 */
public final class RestartableRedis implements AutoCloseable {

  private final int port;
  private RedisServer server;

  RestartableRedis(int port) {
    this.port = port;
    start();
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:port}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded Redis on port " + port, e);
    }
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
