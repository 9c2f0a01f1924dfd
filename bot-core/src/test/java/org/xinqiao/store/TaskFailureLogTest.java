package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class TaskFailureLogTest {

  static final class Refused extends RuntimeException implements ExpectedTaskFailure {
    Refused() {
      super("page e1-s0 refused: errcode 45015", null, false, false);
    }
  }

  private static ExecutionComplete failed(String instance, Throwable cause) {
    Execution execution =
        new Execution(Instant.now(), new TaskInstance<>("escalation-page", instance));
    return ExecutionComplete.failure(execution, Instant.now(), Instant.now(), cause);
  }

  @Test
  void anExpectedRefusalAddsNoLineAndNoStackTrace(CapturedOutput output) {
    new TaskFailureLog().onExecutionComplete(failed("e1-s0-simulator-p3", new Refused()));
    new TaskFailureLog()
        .onExecutionComplete(
            failed("e1-s0-simulator-p4", new IllegalStateException("wrapped", new Refused())));

    assertThat(output).doesNotContain("e1-s0-simulator-p3").doesNotContain("\tat ");
  }

  @Test
  void anUnexpectedFailureIsLoggedWithItsStackTrace(CapturedOutput output) {
    new TaskFailureLog()
        .onExecutionComplete(failed("e2-s0-simulator-p3", new NullPointerException("bug")));

    assertThat(output)
        .contains("Task escalation-page e2-s0-simulator-p3 failed")
        .contains("java.lang.NullPointerException: bug")
        .contains("\tat ");
  }
}
