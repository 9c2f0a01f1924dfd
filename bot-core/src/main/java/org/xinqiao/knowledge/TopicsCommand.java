package org.xinqiao.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ActiveDialogs;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Turn;
import org.xinqiao.kb.Audience;
import org.xinqiao.kb.Entry;

/** "话题": the topics the knowledge base covers for this person, as numbered choices. */
@Component
@Order(50)
class TopicsCommand implements ChatCommand {

  private final KnowledgeLibrary library;
  private final ActiveDialogs dialogs;

  TopicsCommand(KnowledgeLibrary library, ActiveDialogs dialogs) {
    this.library = library;
    this.dialogs = dialogs;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("话题", "主题", "目录", "话题列表", "能问什么");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Audience reader = Readers.of(turn.person().role());
    List<Entry> topics =
        library.knowledgeBase().entries().stream().filter(e -> e.audience().suits(reader)).toList();
    Map<Integer, String> options = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder("我能回答这些话题，回复数字查看：\n");
    for (Entry e : topics) {
      int n = options.size() + 1;
      options.put(n, "entry:" + e.id());
      text.append(n).append(". ").append(e.title()).append('\n');
    }
    dialogs.start(turn.person(), KnowledgeChat.DIALOG, KnowledgeChat.encode(options));
    text.append("也可以直接用自己的话提问。");
    return OutboundReply.text(KnowledgeReplies.fit(text.toString()));
  }
}
