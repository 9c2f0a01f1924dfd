package org.xinqiao.push;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;

/** "暂停推送" / "恢复推送": the person's choice, applied to their WeChat tag at once. */
@Component
@Order(42)
class PauseCommand implements ChatCommand {

  private final PushPreferences preferences;
  private final AudienceTags tags;
  private final Texts texts;

  PauseCommand(PushPreferences preferences, AudienceTags tags, Texts texts) {
    this.preferences = preferences;
    this.tags = tags;
    this.texts = texts;
  }

  @Override
  public boolean accepts(Turn turn) {
    return pauses(turn) || resumes(turn);
  }

  private static boolean pauses(Turn turn) {
    return turn.says("暂停推送", "停止推送", "取消推送", "不要推送", "退订");
  }

  private static boolean resumes(Turn turn) {
    return turn.says("恢复推送", "开启推送", "继续推送", "订阅推送");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    boolean pause = pauses(turn);
    preferences.setPaused(turn.person().id(), pause);
    tags.syncPerson(turn.person().id());
    return OutboundReply.text(texts.get(pause ? "push-paused" : "push-resumed"));
  }
}
