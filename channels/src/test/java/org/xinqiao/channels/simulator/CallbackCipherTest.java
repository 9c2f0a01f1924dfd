package org.xinqiao.channels.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Checks the envelope against Tencent's published vectors (WECHAT.md A1, C, E). */
class CallbackCipherTest {

  private static final String A1_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  private static final String A1_CIPHER =
      "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

  @Test
  void encryptsTencentVectorA1ByteForByte() {
    CallbackCipher cipher = new CallbackCipher(A1_KEY, "wxb11529c136998cb6");

    String encrypted =
        cipher.encrypt("aaaabbbbccccdddd".getBytes(StandardCharsets.UTF_8), "我是中文abcd123");

    assertThat(encrypted).isEqualTo(A1_CIPHER);
    assertThat(cipher.decrypt(encrypted)).isEqualTo("我是中文abcd123");
  }

  @Test
  void signsTencentVectorA1() {
    assertThat(CallbackCipher.signature("pamtest", "1409304348", "xxxxxx", A1_CIPHER))
        .isEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
    assertThat(CallbackCipher.signature("pamtest", "1409304348", "xxxxxx"))
        .isEqualTo("76480565cbe296026c53aaacd1ad523a1ddba24f");
  }

  @Test
  void encryptsTheOfficialReplyVectorE() {
    CallbackCipher cipher = new CallbackCipher("A".repeat(43), "wx134c8103faa5a59e");

    String encrypted =
        cipher.encrypt(
            "999951349e8ee746".getBytes(StandardCharsets.UTF_8),
            "<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>");

    assertThat(encrypted)
        .isEqualTo(
            "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7");
    assertThat(CallbackCipher.signature("AAAAA", "1713424427", "415670741", encrypted))
        .isEqualTo("03e0812039325c2712ef5f0f980fd14c70d6e307");
  }

  @Test
  void refusesAnEnvelopeWrittenForAnotherAppId() {
    String forOther = new CallbackCipher(A1_KEY, "wxother").encrypt("hello");

    assertThatThrownBy(() -> new CallbackCipher(A1_KEY, "wxb11529c136998cb6").decrypt(forOther))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app id");
  }

  @Test
  void acceptsTheEmbeddedDefaultKeyAndRoundTrips() {
    CallbackCipher cipher =
        new CallbackCipher("S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg", "wxsimulator0000001");

    String encrypted = cipher.encrypt("孩子不想上学怎么办？");

    assertThat(encrypted).isNotEqualTo(cipher.encrypt("孩子不想上学怎么办？"));
    assertThat(cipher.decrypt(encrypted)).isEqualTo("孩子不想上学怎么办？");
  }
}
