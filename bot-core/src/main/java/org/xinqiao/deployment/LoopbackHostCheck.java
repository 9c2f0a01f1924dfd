package org.xinqiao.deployment;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the server listens on loopback only (the embedded default), a web page on the same computer
 * could still reach the simulator and console through DNS rebinding: its own host name resolving to
 * 127.0.0.1. Browsers then send that foreign name as Host, so those pages answer 403 unless Host is
 * a loopback name or the host of {@code xinqiao.public-url} / {@code xinqiao.console.base-url}. The
 * WeChat portal, article pages and calendar feeds are left alone (signatures and secret links
 * protect them, and a proxy may forward any name). Bound to another address, nothing is checked:
 * the proxy in front decides which names reach the bot.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoopbackHostCheck {

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> loopbackHostFilter(Environment env) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new HostFilter(allowedHosts(env)));
    registration.addUrlPatterns("/", "/index.html", "/sim/*", "/console", "/console/*");
    // before Spring Security: a foreign Host never reaches a login or a session
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.setEnabled(boundToLoopback(env.getProperty("server.address")));
    return registration;
  }

  static boolean boundToLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address.strip()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static Set<String> allowedHosts(Environment env) {
    Set<String> hosts = new HashSet<>(LOOPBACK_NAMES);
    for (String key : new String[] {"xinqiao.public-url", "xinqiao.console.base-url"}) {
      String url = env.getProperty(key, "");
      try {
        String host = URI.create(url.strip()).getHost();
        if (host != null) {
          hosts.add(host.toLowerCase(Locale.ROOT));
        }
      } catch (IllegalArgumentException e) {
        // an unparsable URL adds no host; the loopback names still work
      }
    }
    return Set.copyOf(hosts);
  }

  static final class HostFilter extends OncePerRequestFilter {

    private final Set<String> allowed;

    HostFilter(Set<String> allowed) {
      this.allowed = allowed;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // the server name comes from the Host header (Tomcat), the name the browser used
      if (allowed.contains(hostName(request.getServerName()))) {
        chain.doFilter(request, response);
      } else {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      }
    }

    /** A host name or Host header without its port, lower case; "" when missing. */
    static String hostName(String header) {
      if (header == null) {
        return "";
      }
      String h = header.strip().toLowerCase(Locale.ROOT);
      if (h.startsWith("[")) {
        int end = h.indexOf(']');
        return end < 0 ? h : h.substring(0, end + 1);
      }
      int colon = h.indexOf(':');
      return colon < 0 ? h : h.substring(0, colon);
    }
  }
}
