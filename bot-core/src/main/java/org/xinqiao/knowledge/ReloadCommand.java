package org.xinqiao.knowledge;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Turn;
import org.xinqiao.kb.ContentError;
import org.xinqiao.people.Role;

/** "重新加载知识库" (admins): picks up edited entries without a restart. */
@Component
@Order(51)
class ReloadCommand implements ChatCommand {

  private final KnowledgeLibrary library;

  ReloadCommand(KnowledgeLibrary library) {
    this.library = library;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.person().role() == Role.ADMIN && turn.says("重新加载知识库", "重载知识库");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    List<ContentError> errors = library.reload();
    if (errors.isEmpty()) {
      return OutboundReply.text("知识库已重新加载，共 " + library.knowledgeBase().entries().size() + " 条。");
    }
    String list =
        errors.stream().limit(5).map(ContentError::toString).collect(Collectors.joining("\n"));
    return OutboundReply.text(KnowledgeReplies.fit("知识库文件有错误，仍在使用原来的版本：\n" + list));
  }
}
