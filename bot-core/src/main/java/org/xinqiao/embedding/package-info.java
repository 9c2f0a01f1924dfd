/** The shared text embedder (the semantic layer of DESIGN.md). */
package org.xinqiao.embedding;
