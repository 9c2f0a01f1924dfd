package org.xinqiao.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.xinqiao.channels.wechat.CallbackRequest;
import org.xinqiao.channels.wechat.CallbackResult;
import org.xinqiao.channels.wechat.CallbackResult.Accepted;
import org.xinqiao.channels.wechat.CallbackResult.Rejected;
import org.xinqiao.channels.wechat.WeChatCallbackCodec;

/**
 * WeChat's callback URL. Reads the body itself (capped at 64 KB, never parsed by Spring), lets the
 * codec verify and parse it, and turns every failure into a bare 4xx. Nothing rejected reaches the
 * pipeline; no body, secret or raw openid is logged.
 */
@RestController
class WeChatPortalController {

  private static final Logger log = LoggerFactory.getLogger(WeChatPortalController.class);
  static final int MAX_BODY = 64 * 1024;
  private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

  private final WeChatCallbackCodec codec;
  private final CallbackReplies replies;
  private final ReplayGuard replays;
  private final ApplicationEventPublisher events;

  WeChatPortalController(
      WeChatCallbackCodec codec,
      CallbackReplies replies,
      ReplayGuard replays,
      ApplicationEventPublisher events) {
    this.codec = codec;
    this.replies = replies;
    this.replays = replays;
    this.events = events;
  }

  @GetMapping("/wx/portal/{appid}")
  ResponseEntity<String> verify(@PathVariable String appid, HttpServletRequest request) {
    try {
      if (!codec.appId().equals(appid)) {
        return status(HttpStatus.NOT_FOUND);
      }
      MultiValueMap<String, String> q = query(request);
      return codec
          .verifyUrl(
              q.getFirst("signature"),
              q.getFirst("timestamp"),
              q.getFirst("nonce"),
              q.getFirst("echostr"))
          .map(echo -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echo))
          .orElseGet(() -> status(HttpStatus.FORBIDDEN));
    } catch (Throwable t) {
      log.warn("WeChat verification failed: {}", t.getClass().getSimpleName());
      return status(HttpStatus.BAD_REQUEST);
    }
  }

  @PostMapping("/wx/portal/{appid}")
  ResponseEntity<String> receive(@PathVariable String appid, HttpServletRequest request) {
    try {
      if (!codec.appId().equals(appid)) {
        return status(HttpStatus.NOT_FOUND);
      }
      if (request.getContentLengthLong() > MAX_BODY) {
        return status(HttpStatus.PAYLOAD_TOO_LARGE);
      }
      byte[] body = readCapped(request.getInputStream());
      if (body == null) {
        return status(HttpStatus.PAYLOAD_TOO_LARGE);
      }
      MultiValueMap<String, String> q = query(request);
      CallbackRequest callback =
          new CallbackRequest(
              q.getFirst("signature"),
              q.getFirst("timestamp"),
              q.getFirst("nonce"),
              q.getFirst("encrypt_type"),
              q.getFirst("msg_signature"));
      CallbackResult result = codec.decode(callback, body);
      if (result instanceof Rejected rejected) {
        log.info("WeChat callback rejected: {}", rejected.reason());
        return status(statusFor(rejected.reason()));
      }
      Accepted accepted = (Accepted) result;
      // only after the signature held: a forged request must not use up a nonce
      if (!replays.firstUse(callback.timestamp(), callback.nonce(), body)) {
        log.info("WeChat callback rejected: REPLAYED nonce");
        return status(HttpStatus.FORBIDDEN);
      }
      log.info(
          "WeChat {} {} from {}",
          accepted.message().kind(),
          accepted.message().dedupeKey(),
          hash(accepted.message().userId()));
      if (accepted.massSend() != null) {
        // A platform report, not a person's message: published once, never answered.
        if (replies.firstDelivery(accepted.message())) {
          // channels' own type, so the push can listen without depending on this package
          // (which implements the push's MassSender port)
          events.publishEvent(accepted.massSend());
        }
        return success();
      }
      CallbackReplies.Answer answer = replies.answer(accepted.message());
      if (answer instanceof CallbackReplies.Answer.Text text) {
        return ResponseEntity.ok().contentType(XML).body(codec.encodeReply(accepted, text.text()));
      }
      return success();
    } catch (Throwable t) {
      // Includes Errors (StackOverflowError): a callback must never take the thread's stack trace
      // to the client or bring the endpoint down.
      log.warn("WeChat callback failed: {}", t.getClass().getSimpleName());
      return status(HttpStatus.BAD_REQUEST);
    }
  }

  static HttpStatus statusFor(CallbackResult.Reason reason) {
    return switch (reason) {
      case BAD_SIGNATURE, WRONG_APPID, PLAINTEXT_REFUSED -> HttpStatus.FORBIDDEN;
      case STALE_TIMESTAMP, UNDECRYPTABLE, MALFORMED -> HttpStatus.BAD_REQUEST;
    };
  }

  /** The body, or null when it exceeds the cap (whatever Content-Length claimed). */
  private static byte[] readCapped(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    return bytes.length > MAX_BODY ? null : bytes;
  }

  /** Query parameters from the query string only: a form body must never be read as parameters. */
  private static MultiValueMap<String, String> query(HttpServletRequest request) {
    String qs = request.getQueryString();
    MultiValueMap<String, String> raw =
        UriComponentsBuilder.newInstance().query(qs == null ? "" : qs).build().getQueryParams();
    MultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
    raw.forEach(
        (k, vs) ->
            vs.forEach(
                v ->
                    decoded.add(k, v == null ? null : UriUtils.decode(v, StandardCharsets.UTF_8))));
    return decoded;
  }

  private static ResponseEntity<String> success() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
  }

  private static ResponseEntity<String> status(HttpStatus status) {
    return ResponseEntity.status(status).build();
  }

  /** A short stable hash of an openid, for logs. */
  static String hash(String openid) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(openid.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (Exception e) {
      return "?";
    }
  }
}
