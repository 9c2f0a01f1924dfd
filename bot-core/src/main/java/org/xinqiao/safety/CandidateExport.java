package org.xinqiao.safety;

import java.io.IOException;
import java.io.Writer;

/** The accepted candidate exemplars in the exemplar TSV format, for {@code safety candidates}. */
public interface CandidateExport {

  /** Writes a comment, the header and one line per accepted candidate; returns how many. */
  int exportTsv(Writer out) throws IOException;
}
