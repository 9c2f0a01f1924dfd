package org.xinqiao.console;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.RoleSource;
import org.xinqiao.people.StaffRoles;

/** The admin's staff page: who holds which role and where it came from; revoke a role. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StaffConsoleController {

  private final People people;
  private final StaffRoles roles;

  StaffConsoleController(People people, StaffRoles roles) {
    this.people = people;
    this.roles = roles;
  }

  /** One member of staff, ready to show. */
  record Row(long id, String name, String role, String source, boolean revocable) {}

  @GetMapping("/console/staff")
  String page(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
    List<Row> rows =
        roles.staff().stream()
            .map(
                p -> {
                  RoleSource source = roles.roleSource(p.id()).orElse(null);
                  return new Row(
                      p.id(),
                      p.displayName() == null ? p.role().label() : p.displayName(),
                      p.role().label(),
                      label(source),
                      p.id() != admin.personId() && source != RoleSource.CONFIG);
                })
            .toList();
    model.addAttribute("staff", admin);
    model.addAttribute("rows", rows);
    return "console/staff";
  }

  @PostMapping("/console/staff/{id}/revoke")
  String revoke(
      @AuthenticationPrincipal StaffPrincipal admin,
      @PathVariable long id,
      RedirectAttributes redirect) {
    Person self = people.find(admin.personId()).orElseThrow();
    String message =
        switch (roles.revoke(self, id)) {
          case REVOKED -> "已撤销，对方的控制台登录已立即失效。";
          case SELF -> "不能撤销自己的管理员身份。";
          case CONFIGURED -> "这位管理员来自服务器配置，请在配置中删除后重启。";
          case NOT_STAFF -> "此人已不是学校老师，无需撤销。";
        };
    redirect.addFlashAttribute("message", message);
    return "redirect:/console/staff";
  }

  private static String label(RoleSource source) {
    if (source == null) {
      return "—";
    }
    return switch (source) {
      case CONFIG -> "服务器配置";
      case INVITE -> "绑定码";
      case SEED -> "模拟器角色";
    };
  }
}
