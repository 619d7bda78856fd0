/** Configuration errors as staff see them: in Chinese, naming the key, with the code, exit 2. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../doubles/cli.js';

describe('configuration errors', () => {
  it('a bad value: the key and what is expected, in Chinese', async () => {
    const result = await runCli(['stats'], { env: { RETENTION_DAYS: 'forever', STAFF_SESSION_HOURS: '0' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^legal-bot: 配置有误:RETENTION_DAYS: 无效输入/);
    expect(result.stderr).toMatch(/STAFF_SESSION_HOURS: 数值过小/);
    expect(result.stderr).toContain('(QLB_CONFIG_INVALID)');
  });

  it('an env file that cannot be read', async () => {
    const result = await runCli(['--env-file', '/nonexistent/.env', 'stats']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^legal-bot: 配置有误:无法读取设置文件 \/nonexistent\/\.env\(ENOENT\)/);
    expect(result.stderr).toContain('(QLB_CONFIG_INVALID)');
  });
});
