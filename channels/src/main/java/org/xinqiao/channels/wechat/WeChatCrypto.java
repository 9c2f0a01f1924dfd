package org.xinqiao.channels.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's callback cryptography for one EncodingAESKey: AES-256-CBC over {@code random16 |
 * uint32_be(len) | msg | appid}, PKCS#7-padded to 32 bytes, key = Base64(aesKey + "="), IV = first
 * 16 key bytes. Written on javax.crypto so the trailing appid can be checked (WxJava does not) and
 * every failure is a clean {@link DecryptionException}. Used by the codec and by the simulator.
 */
public final class WeChatCrypto {

  private static final int BLOCK = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private final String appId;

  /**
   * @param encodingAesKey the 43-character key from the WeChat admin page
   * @param appId the app id written after every message
   */
  public WeChatCrypto(String encodingAesKey, String appId) {
    if (encodingAesKey == null || encodingAesKey.length() != 43) {
      throw new IllegalArgumentException("EncodingAESKey must have 43 characters");
    }
    this.key = Base64.getDecoder().decode(encodingAesKey + "=");
    if (key.length != 32) {
      throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
    }
    this.appId = appId;
  }

  /** sha1 hex of the sorted, concatenated parts: the callback signature and msg_signature. */
  public static String signature(String... parts) {
    String[] sorted = parts.clone();
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = sorted[i] == null ? "" : sorted[i];
    }
    Arrays.sort(sorted);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of()
          .formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two signatures; false when either is missing. */
  public static boolean signatureMatches(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** Encrypts with fresh randomness; returns Base64 text for the Encrypt element. */
  public String encrypt(String plaintext) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return encrypt(random, plaintext);
  }

  /** Encrypts with the given 16 random bytes (for test vectors). */
  public String encrypt(byte[] random16, String plaintext) {
    if (random16.length != 16) {
      throw new IllegalArgumentException("random must be 16 bytes");
    }
    byte[] msg = plaintext.getBytes(StandardCharsets.UTF_8);
    byte[] id = appId.getBytes(StandardCharsets.UTF_8);
    int unpadded = 16 + 4 + msg.length + id.length;
    int pad = BLOCK - (unpadded % BLOCK);
    ByteBuffer buf = ByteBuffer.allocate(unpadded + pad);
    buf.put(random16).putInt(msg.length).put(msg).put(id);
    for (int i = 0; i < pad; i++) {
      buf.put((byte) pad);
    }
    try {
      return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(buf.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decrypts an Encrypt element and checks the trailing appid.
   *
   * @return the message bytes (UTF-8 is checked by the caller)
   * @throws DecryptionException on bad Base64, bad length or padding, or a foreign appid
   */
  public byte[] decrypt(String base64) throws DecryptionException {
    byte[] cipherText;
    try {
      cipherText = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new DecryptionException("not base64");
    }
    if (cipherText.length == 0 || cipherText.length % 16 != 0) {
      throw new DecryptionException("bad ciphertext length");
    }
    byte[] plain;
    try {
      plain = cipher(Cipher.DECRYPT_MODE).doFinal(cipherText);
    } catch (GeneralSecurityException e) {
      throw new DecryptionException("cipher failure");
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) {
      throw new DecryptionException("bad padding");
    }
    int end = plain.length - pad;
    if (end < 20) {
      throw new DecryptionException("too short");
    }
    int len = ByteBuffer.wrap(plain, 16, 4).getInt();
    if (len < 0 || 20 + len > end) {
      throw new DecryptionException("bad length");
    }
    byte[] trailingId = Arrays.copyOfRange(plain, 20 + len, end);
    if (!MessageDigest.isEqual(trailingId, appId.getBytes(StandardCharsets.UTF_8))) {
      throw new DecryptionException("foreign appid", true);
    }
    return Arrays.copyOfRange(plain, 20, 20 + len);
  }

  private Cipher cipher(int mode) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
    return c;
  }

  /** Decryption failed; the message says why without revealing any content. */
  public static final class DecryptionException extends Exception {
    private final boolean foreignAppId;

    DecryptionException(String reason) {
      this(reason, false);
    }

    DecryptionException(String reason, boolean foreignAppId) {
      super(reason);
      this.foreignAppId = foreignAppId;
    }

    /** True when the payload decrypted cleanly but names another app id. */
    public boolean foreignAppId() {
      return foreignAppId;
    }
  }

  @Override
  public String toString() {
    return "WeChatCrypto[appId=" + appId + ", key=***]";
  }
}
