package org.xinqiao.channels.wechat;

/** Builds reply XML by hand (four fixed shapes) and finds the Encrypt element of an envelope. */
final class ReplyXml {

  private ReplyXml() {}

  static String text(String toUser, String fromAccount, long createTime, String content) {
    return "<xml><ToUserName>"
        + cdata(toUser)
        + "</ToUserName><FromUserName>"
        + cdata(fromAccount)
        + "</FromUserName><CreateTime>"
        + createTime
        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
        + cdata(content)
        + "</Content></xml>";
  }

  static String envelope(String encrypted, String signature, String timestamp, String nonce) {
    return "<xml><Encrypt>"
        + cdata(encrypted)
        + "</Encrypt><MsgSignature>"
        + cdata(signature)
        + "</MsgSignature><TimeStamp>"
        + timestamp
        + "</TimeStamp><Nonce>"
        + cdata(nonce)
        + "</Nonce></xml>";
  }

  /**
   * A CDATA section holding any text: "]]>" is split across two sections, and characters XML 1.0
   * forbids (most C0 controls) are dropped so the reply is always well-formed.
   */
  static String cdata(String s) {
    if (s == null) {
      s = "";
    }
    StringBuilder clean = new StringBuilder(s.length());
    s.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF))
        .forEach(clean::appendCodePoint);
    return "<![CDATA[" + clean.toString().replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  /**
   * The Base64 text of the first Encrypt element, found by string search so nothing is parsed
   * before the msg_signature is checked; null when absent or not Base64.
   */
  static String encryptElement(String envelope) {
    int start = envelope.indexOf("<Encrypt>");
    int end = envelope.indexOf("</Encrypt>");
    if (start < 0 || end < start) {
      return null;
    }
    String inner = envelope.substring(start + "<Encrypt>".length(), end).strip();
    if (inner.startsWith("<![CDATA[") && inner.endsWith("]]>")) {
      inner = inner.substring("<![CDATA[".length(), inner.length() - 3).strip();
    }
    if (inner.isEmpty() || !inner.chars().allMatch(ReplyXml::base64Char)) {
      return null;
    }
    return inner;
  }

  private static boolean base64Char(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }
}
