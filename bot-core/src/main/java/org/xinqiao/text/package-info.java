/**
 * Helpers for the text people send, shared by features that store some of it (the knowledge base's
 * unanswered questions, safety's candidate exemplars). No Spring, no dependencies on features, so
 * any feature may use it without a cycle.
 */
package org.xinqiao.text;
