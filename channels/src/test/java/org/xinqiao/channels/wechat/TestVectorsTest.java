package org.xinqiao.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.wechat.CallbackResult.Accepted;

/** Every test vector of WECHAT.md, from Tencent's samples and documentation. */
class TestVectorsTest {

  static final String SAMPLE_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

  // A1 (Tencent Java sample)
  static final String A1_CIPHER =
      "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

  // C (Tencent Python sample)
  static final String C_ENCRYPT =
      "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
  static final String C_PLAIN =
      "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n"
          + "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n"
          + "<CreateTime>1409735668</CreateTime>\n"
          + "<MsgType><![CDATA[text]]></MsgType>\n"
          + "<Content><![CDATA[abcdteT]]></Content>\n"
          + "<MsgId>6054768590064713728</MsgId>\n"
          + "</xml>";

  // D (Tencent C++ sample)
  static final String D_ENCRYPT =
      "mfBCs65c67CeJw22u4VT2TD73q5H06+ocrAIxswCaeZ/d/Lw0msSZFHY0teqgSYiI1zR2gD2DKrB3TIrmX/liNSDrGqS8jSI/WPeKB5VPr7Ezr7gomZAyGCwJSgT1TRFWPfONGJMxuj2nk4faTuspAuVIFQ6SHwZuJBZC7mcJp7Cgr9cUhATQWDbOPaE7ukZBTV2YqyzH+UI2AK+J1S47cE79k1RX8t0hcTz/O0hlK8DGXKnvYv88qKQcI7z4iaajqHfRVZKBNyOODabs+It+ZfM3dWTeFcPgDbGtIEnpt/EDtuuA/zMvtkaKdHdswPnVZQ+xdwbYr3ldGvfT8HlEYEgkgKaThxTFobVlwzu2ZkXCjicbP3xdr15Iq48ObgzPpqYuZ3IEoyggZDKClquk0u0orMck4GTF/XyE8yGzc4=";

  // E (official documentation)
  static final String E_KEY = "A".repeat(43);
  static final String E_APPID = "wx134c8103faa5a59e";
  static final String E_ENCRYPT =
      "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";
  static final String E_REPLY_CIPHER =
      "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7";

  static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  static String envelope(String encrypt) {
    return "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA["
        + encrypt
        + "]]></Encrypt></xml>";
  }

  @Test
  void a1EncryptsWithGivenRandomToTencentCiphertext() throws Exception {
    WeChatCrypto crypto = new WeChatCrypto(SAMPLE_KEY, "wxb11529c136998cb6");
    byte[] random = "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII);
    assertThat(crypto.encrypt(random, "我是中文abcd123")).isEqualTo(A1_CIPHER);
    assertThat(new String(crypto.decrypt(A1_CIPHER), StandardCharsets.UTF_8))
        .isEqualTo("我是中文abcd123");
  }

  @Test
  void a1Signatures() {
    assertThat(WeChatCrypto.signature("pamtest", "1409304348", "xxxxxx", A1_CIPHER))
        .isEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
    WeChatCallbackCodec codec =
        new WeChatCallbackCodec(
            new WeChatAccount("wxb11529c136998cb6", "pamtest", SAMPLE_KEY, null, "s", null),
            null,
            at(1409304348));
    assertThat(
            codec.verifyUrl(
                "76480565cbe296026c53aaacd1ad523a1ddba24f", "1409304348", "xxxxxx", "echo-1"))
        .contains("echo-1");
  }

  @Test
  void cSignaturesAndDecryption() throws Exception {
    assertThat(WeChatCrypto.signature("spamtest", "1409735669", "1320562132", C_ENCRYPT))
        .isEqualTo("5d197aaffba7e9b25a30732f161a50dee96bd5fa");
    assertThat(WeChatCrypto.signature("spamtest", "1409735669", "1320562132"))
        .isEqualTo("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a");
    WeChatCrypto crypto = new WeChatCrypto(SAMPLE_KEY, "wx2c2769f8efd9abc2");
    assertThat(new String(crypto.decrypt(C_ENCRYPT), StandardCharsets.UTF_8)).isEqualTo(C_PLAIN);
  }

  @Test
  void cDecodesThroughTheCodecIntoATextMessage() {
    WeChatCallbackCodec codec =
        new WeChatCallbackCodec(
            new WeChatAccount("wx2c2769f8efd9abc2", "spamtest", SAMPLE_KEY, null, "s", null),
            null,
            at(1409735669));
    CallbackRequest request =
        new CallbackRequest(
            "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a",
            "1409735669",
            "1320562132",
            "aes",
            "5d197aaffba7e9b25a30732f161a50dee96bd5fa");
    CallbackResult result =
        codec.decode(request, envelope(C_ENCRYPT).getBytes(StandardCharsets.UTF_8));
    assertThat(result).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) result;
    InboundMessage m = accepted.message();
    assertThat(m.kind()).isEqualTo(InboundMessage.Kind.TEXT);
    assertThat(m.text()).isEqualTo("abcdteT");
    assertThat(m.userId()).isEqualTo("oyORnuP8q7ou2gfYjqLzSIWZf0rs");
    assertThat(m.dedupeKey()).endsWith(":msg:6054768590064713728");
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1409735668));
    assertThat(accepted.accountOriginalId()).isEqualTo("gh_10f6c3c3ac5a");
    assertThat(accepted.safeMode()).isTrue();
  }

  @Test
  void dSignatureAndDecryption() throws Exception {
    assertThat(WeChatCrypto.signature("spamtest", "1410349438", "298025754", D_ENCRYPT))
        .isEqualTo("003fee52ecc56afb46c00b5c7721be87860ce785");
    WeChatCallbackCodec codec =
        new WeChatCallbackCodec(
            new WeChatAccount("wx2c2769f8efd9abc2", "spamtest", SAMPLE_KEY, null, "s", null),
            null,
            at(1410349438));
    CallbackRequest request =
        new CallbackRequest(
            WeChatCrypto.signature("spamtest", "1410349438", "298025754"),
            "1410349438",
            "298025754",
            "aes",
            "003fee52ecc56afb46c00b5c7721be87860ce785");
    CallbackResult result =
        codec.decode(request, envelope(D_ENCRYPT).getBytes(StandardCharsets.UTF_8));
    assertThat(result).isInstanceOf(Accepted.class);
    assertThat(((Accepted) result).message().dedupeKey()).endsWith(":msg:6057404712141979648");
    assertThat(((Accepted) result).message().kind()).isEqualTo(InboundMessage.Kind.TEXT);
  }

  @Test
  void eGetSignature() {
    WeChatCallbackCodec codec =
        new WeChatCallbackCodec(
            new WeChatAccount(E_APPID, "AAAAA", E_KEY, null, "s", null), null, at(1714037059));
    assertThat(
            codec.verifyUrl(
                "899cf89e464efb63f54ddac96b0a0a235f53aa78", "1714037059", "486452656", "e"))
        .contains("e");
  }

  @Test
  void eMsgSignatureAndDecryption() throws Exception {
    assertThat(WeChatCrypto.signature("AAAAA", "1715943329", "1590219412", E_ENCRYPT))
        .isEqualTo("6c12a4205838198b8fa631b3220723bb07f1015c");
    byte[] plain = new WeChatCrypto(E_KEY, E_APPID).decrypt(E_ENCRYPT);
    assertThat(plain).hasSize(292);
    String xml = new String(plain, StandardCharsets.UTF_8);
    assertThat(xml).contains("debug_demo").contains("hello world");
  }

  @Test
  void eReplyEncryptsToTheDocumentedEnvelope() {
    WeChatCallbackCodec codec =
        new WeChatCallbackCodec(
            new WeChatAccount(E_APPID, "AAAAA", E_KEY, null, "s", null), null, at(1713424427));
    String envelope =
        codec.encryptedEnvelope(
            "<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>",
            "1713424427",
            "415670741",
            "999951349e8ee746".getBytes(StandardCharsets.US_ASCII));
    assertThat(envelope)
        .contains("<Encrypt><![CDATA[" + E_REPLY_CIPHER + "]]></Encrypt>")
        .contains(
            "<MsgSignature><![CDATA[03e0812039325c2712ef5f0f980fd14c70d6e307]]></MsgSignature>")
        .contains("<TimeStamp>1713424427</TimeStamp>")
        .contains("<Nonce><![CDATA[415670741]]></Nonce>");
  }
}
