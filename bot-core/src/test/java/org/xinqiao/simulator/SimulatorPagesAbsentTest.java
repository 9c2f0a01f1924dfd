package org.xinqiao.simulator;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the simulator off (as it is for a real account), its page, script and API do not exist. Same
 * configuration as KnowledgeChatTest, so the cached context is shared.
 */
@SpringBootTest(
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:kbchat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "xinqiao.simulator.enabled=false",
      "xinqiao.wechat.create-menu=false"
    })
@AutoConfigureMockMvc
class SimulatorPagesAbsentTest {

  @Autowired MockMvc mvc;

  @Test
  void theSimulatorPageScriptAndApiAreNotServed() throws Exception {
    for (String path :
        new String[] {
          "/", "/index.html", "/sim/simulator.js", "/sim/simulator.css", "/sim/api/personas"
        }) {
      mvc.perform(get(path)).andExpect(status().isNotFound());
    }
  }

  @Test
  void theConsoleStylesheetIsStillServed() throws Exception {
    mvc.perform(get("/console/console.css")).andExpect(status().isOk());
  }
}
