package org.xinqiao.channels.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * WeChat's safe-mode envelope, written the way WeChat's servers write it (WECHAT.md): AES-256-CBC,
 * key = Base64(EncodingAESKey + "="), IV = first 16 key bytes, plaintext = random16 |
 * uint32_be(len) | msg | appid, PKCS#7-padded to a multiple of 32, Base64 on the wire.
 */
public final class CallbackCipher {

  private static final int BLOCK = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final IvParameterSpec iv;
  private final String appId;

  public CallbackCipher(String encodingAesKey, String appId) {
    byte[] raw = decodeKey(encodingAesKey);
    this.key = new SecretKeySpec(raw, "AES");
    this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
    this.appId = appId;
  }

  private static byte[] decodeKey(String encodingAesKey) {
    if (encodingAesKey == null || encodingAesKey.length() != 43) {
      throw new IllegalArgumentException("EncodingAESKey must be 43 characters");
    }
    byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
    if (raw.length != 32) {
      throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
    }
    return raw;
  }

  /** Encrypts with fresh random bytes, as WeChat does for every delivery. */
  public String encrypt(String message) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return encrypt(random, message);
  }

  /** Encrypts with the given 16 random bytes; fixed bytes make test vectors reproducible. */
  public String encrypt(byte[] random16, String message) {
    if (random16.length != 16) {
      throw new IllegalArgumentException("random prefix must be 16 bytes");
    }
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] app = appId.getBytes(StandardCharsets.UTF_8);
    int length = 16 + 4 + msg.length + app.length;
    int pad = BLOCK - (length % BLOCK);
    ByteBuffer plain = ByteBuffer.allocate(length + pad);
    plain.put(random16).putInt(msg.length).put(msg).put(app);
    for (int i = 0; i < pad; i++) {
      plain.put((byte) pad);
    }
    return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.array()));
  }

  /**
   * Decrypts an envelope and returns the message; rejects bad padding, a bad length and an envelope
   * written for another app id (which WxJava does not check, but WeChat's clients do).
   */
  public String decrypt(String base64) {
    byte[] plain = run(Cipher.DECRYPT_MODE, Base64.getMimeDecoder().decode(base64));
    int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) {
      throw new IllegalArgumentException("bad padding");
    }
    int end = plain.length - pad;
    if (end < 20) {
      throw new IllegalArgumentException("envelope too short");
    }
    int length = ByteBuffer.wrap(plain, 16, 4).getInt();
    if (length < 0 || 20 + length > end) {
      throw new IllegalArgumentException("bad message length");
    }
    String trailer = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
    if (!trailer.equals(appId)) {
      throw new IllegalArgumentException("envelope is for another app id");
    }
    return new String(plain, 20, length, StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(mode, key, iv);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("AES failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /** sha1_hex of the sorted, concatenated parts: the callback signature and msg_signature. */
  public static String signature(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    return DigestUtils.sha1Hex(String.join("", sorted));
  }
}
