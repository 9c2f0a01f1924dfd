package org.xinqiao.escalation;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.conversation.MessageLog;
import org.xinqiao.store.AuditLog;

/** The counselors' escalation desk: list, transcript, acknowledge, chat, close. */
@Controller
@RequestMapping("/console/escalations")
@PreAuthorize("hasRole('COUNSELOR')")
class EscalationConsoleController {

  private static final int LIVE_LINES = 40;

  private final Escalations escalations;
  private final Handoffs handoffs;
  private final PageRepository pages;
  private final MessageLog messages;
  private final AuditLog audit;

  EscalationConsoleController(
      Escalations escalations,
      Handoffs handoffs,
      PageRepository pages,
      MessageLog messages,
      AuditLog audit) {
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.pages = pages;
    this.messages = messages;
    this.audit = audit;
  }

  @GetMapping
  String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    model.addAttribute("staff", staff);
    model.addAttribute("open", escalations.unclosed());
    model.addAttribute("closed", escalations.recentlyClosed());
    return "console/escalations/list";
  }

  @GetMapping("/{id}")
  String detail(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
    Escalation e = load(id);
    audit.append(actor(staff), "escalation.viewed", "escalation", Long.toString(id), null);
    model.addAttribute("staff", staff);
    model.addAttribute("e", e);
    List<MessageLog.Line> transcript = escalations.transcript(id);
    model.addAttribute("transcript", transcript);
    // the message that raised it, shown first and highlighted (the transcript has it in order)
    model.addAttribute(
        "trigger",
        transcript.stream().filter(l -> l.id() == e.messageId()).findFirst().orElse(null));
    model.addAttribute("pages", pages.of(id));
    model.addAttribute("outcomes", Outcome.values());
    live(e, model);
    return "console/escalations/detail";
  }

  /** The live part of the detail page, polled by the page every few seconds. */
  @GetMapping("/{id}/live")
  String liveFragment(@PathVariable long id, Model model) {
    live(load(id), model);
    return "console/escalations/detail :: live";
  }

  @PostMapping("/{id}/acknowledge")
  String acknowledge(
      @PathVariable long id,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    escalations
        .acknowledge(id, staff.personId(), staff.displayName(), "console")
        .ifPresent(
            ack ->
                flash.addFlashAttribute(
                    "notice",
                    ack.accepted()
                        ? "你已接手，对方已收到“心理老师已加入对话”的提示。"
                        : "已由" + ack.escalation().acknowledgedByName() + "接手。"));
    return "redirect:/console/escalations/" + id;
  }

  @PostMapping("/{id}/reply")
  String reply(
      @PathVariable long id,
      @RequestParam @NotBlank String text,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    Escalation e = load(id);
    String body = text.strip();
    if (body.isEmpty() || body.length() > 600) {
      flash.addFlashAttribute("problem", "回复不能为空，且不超过600字。");
      return "redirect:/console/escalations/" + id;
    }
    if (e.status() == EscalationStatus.OPEN) {
      escalations.acknowledge(id, staff.personId(), staff.displayName(), "console-reply");
    }
    Optional<String> queued = handoffs.reply(e.personId(), staff.personId(), body);
    audit.append(
        actor(staff),
        "escalation.replied",
        "escalation",
        Long.toString(id),
        queued.isPresent() ? "queued" : "sent");
    flash.addFlashAttribute(
        queued.isPresent() ? "problem" : "notice", queued.map(r -> "已排队，暂未发出：" + r).orElse("已发送。"));
    return "redirect:/console/escalations/" + id;
  }

  @PostMapping("/{id}/close")
  String close(
      @PathVariable long id,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String note,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    load(id);
    Outcome chosen = Outcome.parse(outcome).orElse(null);
    if (chosen == null) {
      // a plain message on the page, not a 400 error page
      flash.addFlashAttribute("problem", "请先选择结案结果，再结案。");
      return "redirect:/console/escalations/" + id;
    }
    boolean closed = escalations.close(id, staff.personId(), staff.displayName(), chosen, note);
    flash.addFlashAttribute(closed ? "notice" : "problem", closed ? "已结案，对话已交回自动助手。" : "这条提醒已经结案。");
    return "redirect:/console/escalations/" + id;
  }

  private void live(Escalation e, Model model) {
    model.addAttribute("e", e);
    model.addAttribute("holder", handoffs.holder(e.personId()).orElse(null));
    model.addAttribute(
        "messages",
        e.status() == EscalationStatus.CLOSED
            ? java.util.List.of()
            : messages.recent(e.personId(), LIVE_LINES));
    model.addAttribute("replies", handoffs.replies(e.personId()));
  }

  private Escalation load(long id) {
    return escalations
        .find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条提醒"));
  }

  private static String actor(StaffPrincipal staff) {
    return "counselor:" + staff.personId();
  }
}
