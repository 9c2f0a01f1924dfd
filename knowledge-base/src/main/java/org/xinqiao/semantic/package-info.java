/**
 * The semantic layer (DESIGN.md): one embedding per message, shared by the safety screen and the
 * knowledge base. No Spring, no WeChat; the bundled bge-small-zh-v1.5 model runs in-process and
 * offline.
 */
package org.xinqiao.semantic;
