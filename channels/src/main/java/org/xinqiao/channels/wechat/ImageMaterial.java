package org.xinqiao.channels.wechat;

/**
 * An image uploaded as permanent material.
 *
 * @param mediaId what drafts name as thumb_media_id
 * @param url where WeChat serves the image (usable inside articles on WeChat only)
 */
public record ImageMaterial(String mediaId, String url) {}
