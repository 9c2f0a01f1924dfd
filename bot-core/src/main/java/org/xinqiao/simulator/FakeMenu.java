package org.xinqiao.simulator;

import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** The custom menu the bot last created through the fake API; the page draws it when present. */
final class FakeMenu {

  private final AtomicReference<JsonNode> buttons = new AtomicReference<>();

  void set(JsonNode buttons) {
    this.buttons.set(buttons);
  }

  JsonNode buttons() {
    return buttons.get();
  }
}
