package org.xinqiao.safety;

import java.util.Map;

/**
 * metadata.json beside the model files: what they were trained on and what cross-validation
 * measured. {@code safety train} writes it; start-up reads the settings from it; the retraining
 * test compares everything but the date.
 *
 * @param trainedAt when (ISO date and time, UTC)
 * @param files SHA-256 of every exemplar file the model was trained on, by file name
 * @param exemplars how many exemplar lines (after exact repeats were dropped)
 * @param folds how many cross-validation folds
 * @param targets the stated false-alarm rates the thresholds were chosen at
 * @param settings the thresholds and k
 * @param head the fingerprint of the head's weights
 * @param lexical the fingerprint of the character-gram head's weights (risk)
 * @param lexicalImminent the same of the imminent gram head
 * @param figures cross-validated recall and false-alarm figures, in percent, by name
 */
record ModelMetadata(
    String trainedAt,
    Map<String, String> files,
    int exemplars,
    int folds,
    Map<String, Double> targets,
    SemanticSettings settings,
    String head,
    String lexical,
    String lexicalImminent,
    Map<String, Double> figures) {

  static final String FILE = "metadata.json";
}
