package org.xinqiao.appointment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example consulting hours for the simulator's embedded default, so 预约 can be tried out of the box.
 * Only the simulator (with its own fake account) calls this; a real school imports its own schedule
 * in the console, and nothing is changed once any counselor has a schedule.
 */
@Service
public class DemoHours {

  private static final Logger log = LoggerFactory.getLogger(DemoHours.class);

  private final ScheduleRepository schedule;
  private final ScheduleImport scheduleImport;

  DemoHours(ScheduleRepository schedule, ScheduleImport scheduleImport) {
    this.schedule = schedule;
    this.scheduleImport = scheduleImport;
  }

  /**
   * Gives the enrolled counselor of that name weekday hours, unless some counselor already has a
   * schedule; true when it did.
   */
  @Transactional
  public boolean publishIfNoneFor(String counselorName) {
    if (!schedule.counselors().isEmpty()) {
      return false;
    }
    scheduleImport.apply(
        """
        counselors:
          - name: "%s"
            hours:
              MON: ["08:30-11:30", "14:00-16:30"]
              TUE: ["08:30-11:30", "14:00-16:30"]
              WED: ["08:30-11:30", "14:00-16:30"]
              THU: ["08:30-11:30", "14:00-16:30"]
              FRI: ["08:30-11:30", "14:00-16:30"]
        """
            .formatted(counselorName));
    log.info("simulator: demo consulting hours published for the simulator's counselor");
    return true;
  }
}
