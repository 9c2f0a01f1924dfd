/**
 * The WeChat Official Account adapter: callback verification, decryption and parsing ({@link
 * org.xinqiao.channels.wechat.WeChatCallbackCodec}), the simulator's side of the protocol ({@link
 * org.xinqiao.channels.wechat.WeChatCallbackSigner}) and the API client ({@link
 * org.xinqiao.channels.wechat.WeChatApiClient}). WxJava is used inside this package only; its types
 * never appear in a public signature.
 */
@NamedInterface("wechat")
package org.xinqiao.channels.wechat;

import org.springframework.modulith.NamedInterface;
