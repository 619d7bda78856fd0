/**
 * The few texts the WeChat adapter says on its own (everything else comes from the core and
 * the knowledge base). Overridable through the adapter options, e.g. for another district.
 */

export interface WechatTexts {
  /** Sent once when one person goes over the per-minute limit. */
  contactBusy: string;
  /** Sent once (mentioning the asker) when a room goes over its per-minute limit. */
  roomBusy: string;
  /** Sent when the handler fails outright (the core's safe handler normally answers first). */
  error: string;
}

export const defaultTexts: WechatTexts = {
  contactBusy: '您发得有点快,我一分钟内只能回复几条。请稍等一分钟再问,我会继续为您解答。急事请拨打 12348 公共法律服务热线。',
  roomBusy: '群里这会儿提问较多,请稍等一分钟再 @ 我。急事请拨打 12348 公共法律服务热线。',
  error: '抱歉,系统出了点问题,请稍后再试。急需法律帮助请拨打 12348 公共法律服务热线。',
};
