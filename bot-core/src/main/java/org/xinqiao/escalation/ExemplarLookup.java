package org.xinqiao.escalation;

import java.util.Optional;

/**
 * The text of a labelled exemplar named in an escalation's reasons ({@code file:line} or {@code
 * reviewed:N}), for the counselor's detail page. Implemented by safety; exemplars are
 * project-written training data or reviewed candidates, never a person's live message.
 */
public interface ExemplarLookup {

  Optional<String> exemplarText(String ref);
}
