/**
 * The one text the WeChat adapter says on its own (everything else comes from the core and
 * the knowledge base, including the notice to a person over their own limit). Overridable
 * through the adapter options, e.g. for another district.
 */

export interface WechatTexts {
  /** Sent once (mentioning the asker) when a room goes over its per-minute limit. */
  roomBusy: string;
}

export const defaultTexts: WechatTexts = {
  roomBusy: '群里这会儿提问较多,请稍等一分钟再 @ 我。急事请拨打 12348 公共法律服务热线。',
};
