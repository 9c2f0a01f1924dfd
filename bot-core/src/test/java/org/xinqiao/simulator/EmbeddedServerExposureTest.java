package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the embedded default shows to the network: loopback only, known host names, a CSP. */
class EmbeddedServerExposureTest extends SimulatorAppTest {

  @Test
  void listensOnLoopbackOnlySoTheLanCannotReachTheSimulator() throws Exception {
    Optional<InetAddress> lan = lanAddress();
    assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");

    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(lan.get(), PORT), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
    assertThat(raw("/", "localhost")).startsWith("HTTP/1.1 200");
  }

  @Test
  void aPageWhoseNameRebindsToLoopbackCannotOpenTheSimulatorOrConsole() throws Exception {
    assertThat(raw("/", "rebind.attacker.example")).startsWith("HTTP/1.1 403");
    assertThat(raw("/sim/api/personas", "rebind.attacker.example:" + PORT))
        .startsWith("HTTP/1.1 403");
    assertThat(raw("/console/login", "rebind.attacker.example")).startsWith("HTTP/1.1 403");
    assertThat(raw("/console/login", "127.0.0.1:" + PORT)).startsWith("HTTP/1.1 200");
  }

  @Test
  void theSimulatorAndConsolePagesCarryAContentSecurityPolicy() throws Exception {
    String page = raw("/", "localhost");
    assertThat(page).contains("sim/simulator.js").containsIgnoringCase("content-security-policy:");
    assertThat(raw("/sim/simulator.js", "localhost")).startsWith("HTTP/1.1 200");
    assertThat(raw("/console/login", "localhost"))
        .containsIgnoringCase("content-security-policy: default-src 'self'; script-src 'self'");
  }

  /** A GET with exactly this Host header (java.net.http refuses to set it); the whole answer. */
  private static String raw(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", PORT)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<InetAddress> lanAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
