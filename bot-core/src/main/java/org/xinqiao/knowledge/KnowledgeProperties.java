package org.xinqiao.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param contentDir a folder of entry files to serve instead of the ones built into the jar; when
 *     set, edits there are picked up without a restart, and the console can write to it (phrasings,
 *     sign-offs, calibration additions)
 * @param watchInterval how often that folder is checked for changes
 * @param requireReview serve only entries (and push only articles) a school counselor signed off
 *     ({@code reviewed.role: counselor})
 */
@ConfigurationProperties("xinqiao.kb")
public record KnowledgeProperties(
    Path contentDir,
    @DefaultValue("30s") Duration watchInterval,
    @DefaultValue("false") boolean requireReview) {}
