package org.xinqiao.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped deployment files set what a real account behind a proxy needs. */
class DeployFilesTest {

  private static String read(String file) throws IOException {
    return Files.readString(Path.of("..", "deploy").resolve(file));
  }

  @Test
  void containersListenBeyondLoopbackAndRefusePlaintextCallbacks() throws IOException {
    String compose = read("compose.yaml");
    String kubernetes = read("kubernetes/xinqiao.yaml");

    assertThat(read("Dockerfile")).contains("ENV SERVER_ADDRESS=0.0.0.0");
    assertThat(compose)
        .contains("SERVER_ADDRESS: 0.0.0.0")
        .contains("XINQIAO_WECHAT_ALLOW_PLAINTEXT: \"false\"")
        .containsPattern("XINQIAO_PUBLIC_URL: https://");
    assertThat(kubernetes)
        .contains("{name: SERVER_ADDRESS, value: \"0.0.0.0\"}")
        .contains("{name: XINQIAO_WECHAT_ALLOW_PLAINTEXT, value: \"false\"}")
        .contains("{name: XINQIAO_PUBLIC_URL, value: \"https://");
  }

  @Test
  void nginxNeverWritesTheSecretCalendarFeedPathToItsLog() throws IOException {
    String nginx = read("nginx.conf");
    Matcher feed = Pattern.compile("location /ics/ \\{([^}]*)\\}").matcher(nginx);

    assertThat(feed.find()).as("a location for the calendar feeds").isTrue();
    Matcher logLine = Pattern.compile("access_log \\S+ (\\S+);").matcher(feed.group(1));
    assertThat(logLine.find()).isTrue();
    Matcher format =
        Pattern.compile("log_format " + Pattern.quote(logLine.group(1)) + " ([^;]*);")
            .matcher(nginx);
    assertThat(format.find()).isTrue();
    assertThat(format.group(1)).doesNotContain("$uri").doesNotContain("$request ");
  }
}
