/**
 * Keeps a wechaty-puppet-wechat4u login across restarts. That puppet's stop() calls
 * wechat4u's stop(), which sends a logout request to WeChat and emits `logout`, on which the
 * puppet deletes the saved session from the memory card (and then crashes calling start() on
 * its already-cleared client). So every restart, even a clean Ctrl-C, needed a new QR scan.
 *
 * Just before stopping, this detaches both: no logout request, no session deletion. wechat4u
 * still stops polling (its state leaves "login"), and the next start resumes the session
 * from the memory card. Other puppets do not have the `wechat4u` client and are left alone.
 */

interface Wechat4uClient {
  logout: () => Promise<unknown>;
  removeAllListeners: (event: string) => unknown;
}

/** Applies the fix when `puppet` is a wechat4u puppet; returns whether it did. */
export function keepWechat4uSession(puppet: unknown): boolean {
  const client = (puppet as { wechat4u?: Partial<Wechat4uClient> } | undefined)?.wechat4u;
  if (!client || typeof client.logout !== 'function' || typeof client.removeAllListeners !== 'function') return false;
  client.removeAllListeners('logout');
  client.logout = () => Promise.resolve('session kept for the next start');
  return true;
}
