package org.xinqiao.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * WeChat's side of the callback protocol, for the simulator and tests: signs (and in safe mode
 * encrypts) a callback as WeChat would, and reads the text back out of a passive reply.
 */
public final class WeChatCallbackSigner {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WeChatAccount account;
  private final WeChatCrypto crypto;

  public WeChatCallbackSigner(WeChatAccount account) {
    this.account = account;
    this.crypto =
        account.aesKey() == null ? null : new WeChatCrypto(account.aesKey(), account.appId());
  }

  /** A signed callback: the query parameters and the body to POST. */
  public record SignedCallback(CallbackRequest query, String body) {

    public byte[] bodyBytes() {
      return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The query parameters by WeChat's names, in the order WeChat sends them. */
    public Map<String, String> queryParams() {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("signature", query.signature());
      q.put("timestamp", query.timestamp());
      q.put("nonce", query.nonce());
      if (query.safeMode()) {
        q.put("encrypt_type", "aes");
        q.put("msg_signature", query.msgSignature());
      }
      return q;
    }
  }

  /** Signs a plaintext callback XML; in safe mode wraps it in an encrypted envelope. */
  public SignedCallback sign(String xml, boolean safeMode, Instant now) {
    String timestamp = Long.toString(now.getEpochSecond());
    String nonce = Integer.toString(RANDOM.nextInt(1_000_000_000));
    String signature = WeChatCrypto.signature(account.token(), timestamp, nonce);
    if (!safeMode) {
      return new SignedCallback(new CallbackRequest(signature, timestamp, nonce, null, null), xml);
    }
    if (crypto == null) {
      throw new IllegalStateException("safe mode needs an EncodingAESKey");
    }
    String encrypted = crypto.encrypt(xml);
    String msgSignature = WeChatCrypto.signature(account.token(), timestamp, nonce, encrypted);
    String body =
        "<xml><ToUserName>"
            + ReplyXml.cdata(account.appId())
            + "</ToUserName><Encrypt>"
            + ReplyXml.cdata(encrypted)
            + "</Encrypt></xml>";
    return new SignedCallback(
        new CallbackRequest(signature, timestamp, nonce, "aes", msgSignature), body);
  }

  /**
   * The Content of a passive text reply, decrypting (and checking the signature of) a safe-mode
   * envelope; empty for "success", an empty body, or anything unreadable.
   */
  public Optional<String> replyContent(String responseBody) {
    if (responseBody == null || responseBody.isBlank() || "success".equals(responseBody.strip())) {
      return Optional.empty();
    }
    try {
      Map<String, String> fields = FlatXml.parse(responseBody);
      if (fields.containsKey("Encrypt")) {
        String encrypted = fields.get("Encrypt");
        String expected =
            WeChatCrypto.signature(
                account.token(), fields.get("TimeStamp"), fields.get("Nonce"), encrypted);
        if (crypto == null
            || !WeChatCrypto.signatureMatches(expected, fields.get("MsgSignature"))) {
          return Optional.empty();
        }
        fields = FlatXml.parse(new String(crypto.decrypt(encrypted), StandardCharsets.UTF_8));
      }
      return Optional.ofNullable(fields.get("Content"));
    } catch (XMLStreamException | WeChatCrypto.DecryptionException e) {
      return Optional.empty();
    }
  }
}
