package org.xinqiao.channels.wechat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.xinqiao.channels.wechat.CallbackResult.Accepted;
import org.xinqiao.channels.wechat.CallbackResult.Reason;
import org.xinqiao.channels.wechat.CallbackResult.Rejected;

/**
 * Verifies, decrypts and parses WeChat callbacks for one account, and encodes passive replies.
 * Order matters: signatures and the timestamp are checked before the body is parsed; the body is
 * screened by {@link XmlGuard} before any parser sees it. Thread-safe.
 */
public final class WeChatCallbackCodec {

  public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(300);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WeChatAccount account;
  private final Duration maxSkew;
  private final Clock clock;
  private final List<WeChatCrypto> keys = new ArrayList<>();
  private final boolean allowPlaintext;

  public WeChatCallbackCodec(WeChatAccount account, Duration maxSkew, Clock clock) {
    this(account, maxSkew, clock, true);
  }

  /**
   * @param allowPlaintext whether to accept unencrypted callbacks although an aesKey is configured;
   *     a plaintext body is not covered by the signature, so refuse them once the account runs in
   *     safe mode (accounts without an aesKey always accept plaintext)
   */
  public WeChatCallbackCodec(
      WeChatAccount account, Duration maxSkew, Clock clock, boolean allowPlaintext) {
    this.allowPlaintext = allowPlaintext || account.aesKey() == null;
    this.account = Objects.requireNonNull(account, "account");
    this.maxSkew = maxSkew == null ? DEFAULT_MAX_SKEW : maxSkew;
    this.clock = Objects.requireNonNull(clock, "clock");
    if (account.aesKey() != null) {
      keys.add(new WeChatCrypto(account.aesKey(), account.appId()));
    }
    if (account.previousAesKey() != null) {
      keys.add(new WeChatCrypto(account.previousAesKey(), account.appId()));
    }
  }

  public String appId() {
    return account.appId();
  }

  /** GET URL verification: the echostr to send back, or empty when the signature is wrong. */
  public Optional<String> verifyUrl(
      String signature, String timestamp, String nonce, String echostr) {
    if (timestamp == null || nonce == null || echostr == null) {
      return Optional.empty();
    }
    String expected = WeChatCrypto.signature(account.token(), timestamp, nonce);
    return WeChatCrypto.signatureMatches(expected, signature)
        ? Optional.of(echostr)
        : Optional.empty();
  }

  /** Verifies and parses one POST callback body. Never throws on hostile input. */
  public CallbackResult decode(CallbackRequest request, byte[] body) {
    if (request.timestamp() == null || request.nonce() == null) {
      return new Rejected(Reason.BAD_SIGNATURE);
    }
    String expected = WeChatCrypto.signature(account.token(), request.timestamp(), request.nonce());
    if (!WeChatCrypto.signatureMatches(expected, request.signature())) {
      return new Rejected(Reason.BAD_SIGNATURE);
    }
    if (!fresh(request.timestamp())) {
      return new Rejected(Reason.STALE_TIMESTAMP);
    }
    if (!request.safeMode() && !allowPlaintext) {
      return new Rejected(Reason.PLAINTEXT_REFUSED);
    }
    Optional<String> text = XmlGuard.utf8(body);
    if (text.isEmpty() || XmlGuard.problem(text.get()) != null) {
      return new Rejected(Reason.MALFORMED);
    }
    String xml = text.get();
    if (request.safeMode()) {
      Opening opened = open(request, xml);
      if (opened.rejected() != null) {
        return new Rejected(opened.rejected());
      }
      xml = opened.xml();
      if (XmlGuard.problem(xml) != null) {
        return new Rejected(Reason.MALFORMED);
      }
    }
    Map<String, String> fields;
    try {
      fields = FlatXml.parse(xml);
    } catch (XMLStreamException | RuntimeException e) {
      return new Rejected(Reason.MALFORMED);
    }
    return InboundMapping.map(account.appId(), fields, request.safeMode())
        .<CallbackResult>map(a -> a)
        .orElse(new Rejected(Reason.MALFORMED));
  }

  /** The passive reply body for a text answer: plain XML, or the encrypted envelope. */
  public String encodeReply(Accepted to, String text) {
    long now = clock.instant().getEpochSecond();
    String plain = ReplyXml.text(to.message().userId(), to.accountOriginalId(), now, text);
    if (!to.safeMode()) {
      return plain;
    }
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return encryptedEnvelope(
        plain, Long.toString(now), Integer.toString(RANDOM.nextInt(1_000_000_000)), random);
  }

  /** The safe-mode envelope around an already-built plaintext reply. */
  String encryptedEnvelope(String plaintext, String timestamp, String nonce, byte[] random) {
    if (keys.isEmpty()) {
      throw new IllegalStateException("safe mode reply without an EncodingAESKey");
    }
    String encrypted = keys.get(0).encrypt(random, plaintext);
    String signature = WeChatCrypto.signature(account.token(), timestamp, nonce, encrypted);
    return ReplyXml.envelope(encrypted, signature, timestamp, nonce);
  }

  private boolean fresh(String timestamp) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    return skew <= maxSkew.toSeconds();
  }

  /** The decrypted inner XML, or why there is none. */
  private record Opening(String xml, Reason rejected) {
    static Opening no(Reason reason) {
      return new Opening(null, reason);
    }
  }

  private Opening open(CallbackRequest request, String envelope) {
    if (keys.isEmpty()) {
      return Opening.no(Reason.UNDECRYPTABLE);
    }
    String encrypted = ReplyXml.encryptElement(envelope);
    if (encrypted == null) {
      return Opening.no(Reason.MALFORMED);
    }
    String expected =
        WeChatCrypto.signature(account.token(), request.timestamp(), request.nonce(), encrypted);
    if (!WeChatCrypto.signatureMatches(expected, request.msgSignature())) {
      return Opening.no(Reason.BAD_SIGNATURE);
    }
    boolean foreign = false;
    for (WeChatCrypto key : keys) {
      try {
        byte[] plain = key.decrypt(encrypted);
        return XmlGuard.utf8(plain)
            .map(xml -> new Opening(xml, null))
            .orElse(Opening.no(Reason.MALFORMED));
      } catch (WeChatCrypto.DecryptionException e) {
        foreign |= e.foreignAppId();
      }
    }
    return Opening.no(foreign ? Reason.WRONG_APPID : Reason.UNDECRYPTABLE);
  }

  @Override
  public String toString() {
    return "WeChatCallbackCodec[" + account + "]";
  }
}
