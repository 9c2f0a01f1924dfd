package org.xinqiao.safety;

import org.xinqiao.semantic.TextEmbedder;

/**
 * The embedding model, once per JVM: the server's bean, the command line and the tests (which start
 * several application contexts) all share it. The ONNX session is thread-safe and holds 130+ MB, so
 * it is never closed with a context.
 */
final class SharedEmbedder {

  /** Recent texts whose vectors are kept: messages, their joined context, and questions. */
  static final long CACHE = 20_000;

  private SharedEmbedder() {}

  private static final class Holder {
    static final TextEmbedder INSTANCE = TextEmbedder.loadBundled(CACHE);
  }

  static TextEmbedder get() {
    return Holder.INSTANCE;
  }
}
