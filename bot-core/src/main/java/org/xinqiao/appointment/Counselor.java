package org.xinqiao.appointment;

/** A counselor who takes bookings and how their sessions run. */
record Counselor(
    long personId,
    String name,
    String place,
    int sessionMinutes,
    int bufferMinutes,
    int dailyMax,
    boolean active) {}
