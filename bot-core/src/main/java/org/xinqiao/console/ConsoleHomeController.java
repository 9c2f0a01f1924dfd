package org.xinqiao.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ConsoleHomeController {

  @GetMapping("/console/login")
  String login() {
    return "console/login";
  }

  @GetMapping("/console")
  String home(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    model.addAttribute("staff", staff);
    return "console/home";
  }
}
