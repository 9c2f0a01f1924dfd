package org.xinqiao.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LoopbackHostCheckTest {

  private final LoopbackHostCheck.HostFilter filter =
      new LoopbackHostCheck.HostFilter(
          LoopbackHostCheck.allowedHosts(
              new MockEnvironment()
                  .withProperty("xinqiao.public-url", "https://xinqiao.example-school.cn")
                  .withProperty("xinqiao.console.base-url", "https://xinqiao.example-school.cn")));

  private int statusFor(String host) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/login");
    request.setServerName(LoopbackHostCheck.HostFilter.hostName(host));
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    return chain.getRequest() == null ? response.getStatus() : 200;
  }

  @Test
  void aPageWhoseOwnNameRebindsToLoopbackIsRefused() throws Exception {
    assertThat(statusFor("attacker.example:8080")).isEqualTo(403);
    assertThat(statusFor("")).isEqualTo(403);
  }

  @Test
  void loopbackNamesAndThePublicUrlsHostAreServed() throws Exception {
    assertThat(statusFor("localhost:8080")).isEqualTo(200);
    assertThat(statusFor("127.0.0.1:8080")).isEqualTo(200);
    assertThat(statusFor("[::1]:8080")).isEqualTo(200);
    assertThat(statusFor("XinQiao.Example-School.cn")).isEqualTo(200);
  }

  @Test
  void checksOnlyWhenTheServerListensOnLoopback() {
    assertThat(LoopbackHostCheck.boundToLoopback("127.0.0.1")).isTrue();
    assertThat(LoopbackHostCheck.boundToLoopback("::1")).isTrue();
    assertThat(LoopbackHostCheck.boundToLoopback("0.0.0.0")).isFalse();
    assertThat(LoopbackHostCheck.boundToLoopback(null)).isFalse();
  }
}
