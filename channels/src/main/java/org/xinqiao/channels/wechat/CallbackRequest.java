package org.xinqiao.channels.wechat;

/**
 * The query parameters WeChat sends with a POST callback. Any may be null when missing.
 *
 * @param signature sha1 over token, timestamp, nonce
 * @param timestamp seconds since the epoch, as text
 * @param nonce a random number, as text
 * @param encryptType {@code aes} in safe mode, else null or {@code raw}
 * @param msgSignature sha1 over token, timestamp, nonce and the Encrypt element (safe mode)
 */
public record CallbackRequest(
    String signature, String timestamp, String nonce, String encryptType, String msgSignature) {

  public boolean safeMode() {
    return "aes".equalsIgnoreCase(encryptType);
  }
}
