/**
 * `wechat-mp menu`: the official account's custom menu built from the knowledge base,
 * printed for staff to read and, with `--push`, created on the account.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../src/service/config/config.js';
import { BotError, ErrorCodes } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import type { CliIo } from './io.js';
import { setup } from './shared.js';

/** The layout file's name (adapters/wechat-mp/menu-layout.ts's LAYOUT_FILE; a test keeps them the same). */
export const MENU_LAYOUT_FILE = 'wechat-mp-menu.yaml';

export interface MenuCommandOptions {
  push?: boolean;
  json?: boolean;
  /** A layout file; default KNOWLEDGE_DIR/wechat-mp-menu.yaml when it exists, else topics in menu order. */
  layout?: string;
}

/** Builds the menu (and creates it with `push`); returns what to print. @throws BotError */
export async function wechatMpMenu(config: Config, logger: Logger, options: MenuCommandOptions): Promise<string> {
  // Loaded by this command only, not by every start of the CLI.
  const [{ createMpApi }, { buildMenu, formatMenu }, { LAYOUT_FILE, readMenuLayout }, { loadKnowledge }] = await Promise.all([
    import('../adapters/wechat-mp/mp-api.js'),
    import('../adapters/wechat-mp/menu.js'),
    import('../adapters/wechat-mp/menu-layout.js'),
    import('../src/answer/knowledge/load-knowledge.js'),
  ]);
  const knowledge = loadKnowledge(config.knowledgeDir);
  const layoutFile = options.layout ?? path.join(config.knowledgeDir, LAYOUT_FILE);
  const layout = readMenuLayout(layoutFile, options.layout !== undefined);
  const menu = buildMenu(knowledge, layout);
  const lines = options.json
    ? [JSON.stringify(menu, null, 2)]
    : [`公众号菜单(${layout ? `按 ${layoutFile}` : '按 topics.yaml 的顺序'}):`, formatMenu(menu)];
  if (options.push) {
    const account = config.wechatMp;
    if (!account) {
      throw new BotError(ErrorCodes.CONFIG_INVALID, 'wechat-mp menu --push:需要设置 WECHAT_MP_TOKEN、WECHAT_MP_APPID 和 WECHAT_MP_SECRET', [
        'WECHAT_MP_TOKEN',
        'WECHAT_MP_APPID',
        'WECHAT_MP_SECRET',
      ]);
    }
    await createMpApi({ ...account, logger }).createMenu(menu);
    lines.push('已在公众号上创建此菜单;微信客户端在几分钟内更新(重新关注可立即看到)。');
  }
  return lines.join('\n');
}

/** Registers `wechat-mp` and its subcommands on the program. */
export function registerWechatMpCommand(program: Command, io: CliIo): void {
  const group = program.command('wechat-mp').description('公众号:自定义菜单 / official account: custom menu');
  group
    .command('menu')
    .description('按知识库生成公众号自定义菜单并打印;--push 在公众号上创建')
    .option('--push', '在公众号上创建菜单(需要 WECHAT_MP_APPID、WECHAT_MP_SECRET,服务器 IP 在白名单中)')
    .option('--json', '打印菜单接口的 JSON')
    .option('--layout <file>', `菜单布局文件(默认:知识库目录中的 ${MENU_LAYOUT_FILE},没有则按主题顺序)`)
    .action(async (options: MenuCommandOptions) => {
      const { config, logger } = setup(io, true);
      const layout = options.layout && path.resolve(io.cwd, options.layout);
      io.stdout.write(`${await wechatMpMenu(config, logger, { ...options, layout })}\n`);
    });
}
