package org.xinqiao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatCallbackSigner;

/**
 * A benchmark, run by hand (README "Costs"), never by the test suite: signed WeChat text callbacks
 * to a running jar on loopback, from a fixed number of concurrent connections, bounded in count and
 * time. Prints the throughput and the latency of the whole callback (full pipeline and reply).
 *
 * <p>{@code java -cp ... org.xinqiao.bench.CallbackLoad [port] [messages] [connections] [seconds]}
 */
public final class CallbackLoad {

  private static final String APP_ID = "wxsimulator0000001";
  private static final String TOKEN = "xinqiao-simulator-token";

  /** Ordinary questions, concern and hyperbole, as a school's traffic looks on most days. */
  private static final List<String> MESSAGES =
      List.of(
          "孩子不愿意上学怎么办",
          "怎么预约心理老师",
          "孩子写作业拖拉，每天都要催",
          "最近孩子晚上总是睡不着",
          "今天累死了，作业太多",
          "孩子和同学吵架了，回家一直哭",
          "青春期的孩子不爱说话正常吗",
          "孩子玩手机停不下来怎么办",
          "本周推送的文章在哪里看",
          "老师，我最近压力有点大");

  private CallbackLoad() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    int total = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    long seconds = args.length > 3 ? Long.parseLong(args[3]) : 120;
    URI base = URI.create("http://127.0.0.1:" + port + "/wx/portal/" + APP_ID);
    WeChatCallbackSigner signer =
        new WeChatCallbackSigner(new WeChatAccount(APP_ID, TOKEN, null, null, null, null));
    ExecutorService io = Executors.newFixedThreadPool(connections);
    HttpClient http =
        HttpClient.newBuilder().executor(io).connectTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong msgId = new AtomicLong(System.currentTimeMillis() * 1000);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      String openid = "o_bench_" + c + "_" + System.currentTimeMillis();
      pool.submit(
          () -> {
            send(http, signer, base, openid, "同意", msgId.incrementAndGet());
            int i;
            while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
              long t0 = System.nanoTime();
              int code =
                  send(
                      http,
                      signer,
                      base,
                      openid,
                      MESSAGES.get(i % MESSAGES.size()),
                      msgId.incrementAndGet());
              latencies.add(System.nanoTime() - t0);
              if (code != 200) {
                failed.incrementAndGet();
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 30, java.util.concurrent.TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = latencies.stream().sorted().collect(Collectors.toList());
    System.out.printf(
        "callbacks=%d failed=%d connections=%d seconds=%.1f throughput=%.1f/s p50=%.0fms p99=%.0fms"
            + " max=%.0fms%n",
        sorted.size(),
        failed.get(),
        connections,
        elapsed,
        sorted.size() / elapsed,
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    io.shutdownNow();
  }

  private static int send(
      HttpClient http, WeChatCallbackSigner signer, URI base, String openid, String text, long id) {
    String xml =
        "<xml><ToUserName><![CDATA[gh_school]]></ToUserName><FromUserName><![CDATA["
            + openid
            + "]]></FromUserName><CreateTime>"
            + Instant.now().getEpochSecond()
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
            + text
            + "]]></Content><MsgId>"
            + id
            + "</MsgId></xml>";
    WeChatCallbackSigner.SignedCallback signed = signer.sign(xml, false, Instant.now());
    String query =
        signed.queryParams().entrySet().stream()
            .map(Map.Entry::getKey)
            .map(k -> k + "=" + signed.queryParams().get(k))
            .collect(Collectors.joining("&"));
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(base + "?" + query))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "text/xml")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(signed.bodyBytes()))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
  }
}
