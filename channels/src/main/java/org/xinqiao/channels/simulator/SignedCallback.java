package org.xinqiao.channels.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One callback delivery exactly as WeChat would POST it: the query parameters (signature,
 * timestamp, nonce, openid, and in safe mode encrypt_type and msg_signature) and the XML body.
 *
 * @param query the query parameters, in WeChat's order
 * @param body the XML body (plain, or the {@code <Encrypt>} envelope in safe mode)
 * @param encrypted whether this delivery uses safe mode
 */
public record SignedCallback(Map<String, String> query, String body, boolean encrypted) {

  public SignedCallback {
    query = Map.copyOf(query);
  }

  /** The URL-encoded query string, without the leading {@code ?}. */
  public String queryString() {
    return query.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SignedCallback[encrypted=" + encrypted + ", bytes=" + body.length() + "]";
  }
}
