package org.xinqiao.console;

import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ConsoleHomeController {

  /** The login page; {@code t}, the ticket from the link sent with the code, is filled in. */
  @GetMapping("/console/login")
  String login(@RequestParam(name = "t", required = false) String ticket, Model model) {
    model.addAttribute(
        "prefill",
        ticket != null && ticket.matches("[A-Za-z]{4}")
            ? ticket.toUpperCase(Locale.ROOT) + "-"
            : "");
    return "console/login";
  }

  @GetMapping("/console")
  String home(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    model.addAttribute("staff", staff);
    return "console/home";
  }
}
