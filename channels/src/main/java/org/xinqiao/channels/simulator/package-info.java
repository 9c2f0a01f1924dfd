/**
 * WeChat's side of the callback protocol, for the web simulator and tests: builds signed and
 * encrypted deliveries and reads passive replies as WeChat would. A named interface of the channels
 * module so bot-core's simulator feature may use it.
 */
@NamedInterface("simulator")
package org.xinqiao.channels.simulator;

import org.springframework.modulith.NamedInterface;
