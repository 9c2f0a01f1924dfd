package org.xinqiao.people;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is who.
 *
 * @param adminOpenids openids that are always admins (the school IT person's own WeChat account);
 *     admins enrol every other member of staff with one-time codes
 * @param inviteValidity how long a staff invitation code can be redeemed
 */
@ConfigurationProperties("xinqiao.people")
public record PeopleProperties(
    @DefaultValue List<String> adminOpenids, @DefaultValue("72h") Duration inviteValidity) {

  @Override
  public String toString() {
    return "PeopleProperties[admins="
        + adminOpenids.size()
        + ", inviteValidity="
        + inviteValidity
        + "]";
  }
}
