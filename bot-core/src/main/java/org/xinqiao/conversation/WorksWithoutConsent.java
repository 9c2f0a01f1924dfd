package org.xinqiao.conversation;

/**
 * A command about the person's own data that must work whether or not they consented: the privacy
 * notice promises "删除我的数据" at any time, and someone who withdrew must still be able to ask for
 * deletion.
 */
interface WorksWithoutConsent {}
