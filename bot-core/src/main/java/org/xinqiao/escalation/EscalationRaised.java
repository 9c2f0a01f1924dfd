package org.xinqiao.escalation;

import java.util.Set;

/** Published inside the raising transaction; holds ids and labels only, never message text. */
public record EscalationRaised(
    long escalationId, long personId, Urgency urgency, Set<String> categories, boolean isNew) {}
