package org.xinqiao.store;

/**
 * Marks the exception of a durable task that failed for an expected reason the feature already
 * logged in one line (WeChat 45015 outside the 48-hour window, 45047 quota used). db-scheduler
 * still retries the task by its failure handler; {@link TaskFailureLog} adds no stack trace.
 */
public interface ExpectedTaskFailure {}
