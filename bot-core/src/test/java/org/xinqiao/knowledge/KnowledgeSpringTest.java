package org.xinqiao.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.ConsoleLogins;

/**
 * One application context for the knowledge tests: the real pipeline and console, serving an
 * editable copy of the shipped content from a temporary {@code xinqiao.kb.content-dir}.
 */
@SpringBootTest(
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:kbchat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "xinqiao.simulator.enabled=false",
      "xinqiao.wechat.create-menu=false",
      "xinqiao.kb.watch-interval=1h"
    })
@AutoConfigureMockMvc
abstract class KnowledgeSpringTest {

  static final Path CONTENT = copyOfShippedContent();

  @DynamicPropertySource
  static void contentDir(DynamicPropertyRegistry registry) {
    registry.add("xinqiao.kb.content-dir", CONTENT::toString);
  }

  @Autowired JdbcClient jdbc;

  /** A real person with {@code role}: the console checks the current role on every request. */
  UsernamePasswordAuthenticationToken as(Role role) {
    return ConsoleLogins.as(jdbc, role, "张老师");
  }

  static String file(String name) {
    try {
      return Files.readString(CONTENT.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copyOfShippedContent() {
    try {
      Path dir = Files.createTempDirectory("xinqiao-kb-");
      dir.toFile().deleteOnExit();
      for (ContentFile f : KnowledgeContent.fromClasspath()) {
        Path p = dir.resolve(f.name());
        Files.writeString(p, f.text(), StandardCharsets.UTF_8);
        p.toFile().deleteOnExit();
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
