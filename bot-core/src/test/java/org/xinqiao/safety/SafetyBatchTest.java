package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SafetyBatchTest {

  private final RiskAssessor assessor = SharedAssessor.get();

  @Test
  void writesOneJsonObjectPerInputLine() throws Exception {
    StringWriter out = new StringWriter();
    SafetyBatch.run(assessor, new StringReader("我想死\n笑死我了\n\n爸爸用皮带抽我\n"), out);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(4);
    JsonMapper json = JsonMapper.builder().build();
    JsonNode first = json.readTree(lines[0]);
    assertThat(first.get("text").asString()).isEqualTo("我想死");
    assertThat(first.get("level").asString()).isEqualTo("high");
    assertThat(first.get("categories").get(0).asString()).isEqualTo("suicide");
    assertThat(json.readTree(lines[1]).get("level").asString()).isEqualTo("none");
    assertThat(json.readTree(lines[1]).get("categories").size()).isZero();
    assertThat(json.readTree(lines[2]).get("text").asString()).isEmpty();
    assertThat(json.readTree(lines[3]).get("categories").toString()).contains("abuse");
  }

  @Test
  void escapesEverythingJsonRequires() throws Exception {
    String nasty = "引号\" 反斜杠\\ 制表\t 退格\b 换页\f 控制\u0001 分隔\u2028 回车\r 中文 emoji 💊";
    StringBuilder quoted = new StringBuilder();
    SafetyBatch.quote(nasty, quoted);
    assertThat(quoted.toString()).doesNotContain("\t", "\b", "\f", "\u0001", "\u2028", "\r");
    JsonNode parsed = JsonMapper.builder().build().readTree("{\"t\": " + quoted + "}");
    assertThat(parsed.get("t").asString()).isEqualTo(nasty);
  }

  @Test
  void everyLineOfTheDevSetRoundTripsAsJson() throws Exception {
    List<String> texts = new ArrayList<>();
    try (var in = getClass().getClassLoader().getResourceAsStream("eval/safety-dev.tsv")) {
      for (String line : new String(in.readAllBytes(), "UTF-8").split("\n")) {
        texts.add(line.split("\t")[0]);
      }
    }
    StringWriter out = new StringWriter();
    SafetyBatch.run(assessor, new StringReader(String.join("\n", texts)), out);
    JsonMapper json = JsonMapper.builder().build();
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(texts.size());
    for (int i = 0; i < lines.length; i++) {
      assertThat(json.readTree(lines[i]).get("text").asString()).isEqualTo(texts.get(i));
    }
  }

  @Test
  void springConfigurationExposesTheAssessor() {
    try (var context = new AnnotationConfigApplicationContext(SafetyConfiguration.class)) {
      RiskAssessor bean = context.getBean(RiskAssessor.class);
      assertThat(bean.assess("孩子说不想活了").level()).isEqualTo(RiskLevel.HIGH);
    }
  }
}
