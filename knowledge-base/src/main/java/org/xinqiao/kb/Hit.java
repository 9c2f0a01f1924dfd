package org.xinqiao.kb;

/**
 * One search hit.
 *
 * @param score confidence in 0..1 (how much of the question this entry covers, blended with the
 *     relevance score), comparable across questions
 */
public record Hit(String id, String title, double score) {}
