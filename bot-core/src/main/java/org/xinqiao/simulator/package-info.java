/**
 * The web simulator: a page at {@code /} where a school IT person chats with the bot as a parent,
 * teacher or counselor would on WeChat, the simulated WeChat server that signs their messages into
 * real callbacks to {@code /wx/portal/{appid}}, and a fake WeChat API under {@code /sim/wxapi} that
 * the bot's WeChat client talks to. On in the embedded default only; see {@link
 * org.xinqiao.simulator.SimulatorEnabled} for when it refuses to start.
 */
package org.xinqiao.simulator;
