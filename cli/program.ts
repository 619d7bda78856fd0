/**
 * `legal-bot`: the command line, as a commander program over an {@link CliIo}, so tests run
 * it in-process against the sources. The composition root that wires the core to adapters,
 * which is why it lives outside the platform-free `src/`.
 */
import { Command, CommanderError } from 'commander';
import path from 'node:path';
import { askLines, askOnce } from './ask.js';
import { loadEnvFile } from './env-file.js';
import type { CliIo } from './io.js';
import { why } from './why.js';
import { registerWechatMpCommand } from './wechat-mp.js';
import { registerStaffCommand } from './staff.js';
import { EXIT, openApp, reportFatal, setup } from './shared.js';
import { packageRoot } from '../src/paths.js';

// A command imports what only it needs when it runs (the web server, metrics, the parsers
// of check and eval, the store's reports): `ask` and `why` start without any of them.

/** Running bots record, share state with other instances (Redis), take typed 1 / 0 feedback and serve staff commands. */
const LIVE = { record: true, shared: true, textFeedback: true, staffCommands: true } as const;

/** Builds the program; actions set `exit.code`. */
function buildProgram(io: CliIo, exit: { code: number }): Command {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const program = new Command('legal-bot')
    .description('曲江区公共法律服务问答机器人 / Qujiang legal-service Q&A bot')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError()
    .option('--env-file <file>', '从这个文件读取设置(默认:程序目录下的 .env,存在时)')
    .option('--no-env-file', '不读取任何 env 文件')
    .hook('preAction', () => {
      loadEnvFile(io, program.opts<{ envFile?: string | false }>().envFile);
    });

  program
    .command('ask')
    .description('回答一个问题(或用 --jsonl 从标准输入每行读一个问题)')
    .argument('[question...]', '问题')
    .option('--json', '输出一个 JSON 对象 {kind,text,entry,score,choices,source,awaits,call,flow}')
    .option('--jsonl', '每行一个问题(或 {"conversation","text"} 对象,同一 conversation 连续对话),每行输出一个 JSON')
    .option('--record', '记入消息记录库(默认不记,以免测试提问影响 review 和 stats)')
    .action(async (words: string[], options: { json?: boolean; jsonl?: boolean; record?: boolean }) => {
      if (!options.jsonl && words.length === 0) program.error('ask: 请给出问题,或使用 --jsonl');
      const app = await openApp(io, { quiet: true, record: Boolean(options.record) });
      try {
        if (options.jsonl) await askLines(io, app);
        else await askOnce(io, app, words.join(' '), Boolean(options.json));
      } finally {
        await app.close();
      }
    });

  program
    .command('why')
    .description('供工作人员:一个问题的真实处理过程,逐步列出(规范化、分词、候选、作出决定的步骤和原因)')
    .argument('<question...>', '问题')
    .option('--json', '把处理记录输出为一个 JSON 对象')
    .action(async (words: string[], options: { json?: boolean }) => {
      const app = await openApp(io, { quiet: true });
      try {
        out(await why(app, words.join(' '), Boolean(options.json)));
      } finally {
        await app.close();
      }
    });

  program
    .command('check')
    .description('检查知识库(格式、出处、数字、法条);逐条指出文件、条目、字段、出问题的文字和违反的规则')
    .option('--json', '以 JSON 输出同样的结果')
    .action(async (options: { json?: boolean }) => {
      const { config } = setup(io, true);
      const { formatCheck, runCheck } = await import('./check.js');
      const report = runCheck(config.knowledgeDir);
      if (options.json) out(JSON.stringify(report));
      else (report.ok ? io.stdout : io.stderr).write(`${formatCheck(report)}\n`);
      if (!report.ok) exit.code = EXIT.invalid;
    });

  program
    .command('eval')
    .description('运行评测集(单句或多轮对话):按类别给出准确率和每个错例;低于门槛时以非零状态退出')
    .argument('[file]', '评测集(YAML)', path.join(packageRoot(), 'test', 'gold', 'gold-set.yaml'))
    .option('--json', '以 JSON 输出报告')
    .action(async (file: string, options: { json?: boolean }) => {
      const app = await openApp(io, { quiet: true });
      const where = path.resolve(io.cwd, file);
      const [{ formatEvalReport, readGoldSet, runEval }, { isDialogueFile, readDialogues }, { formatDialogueReport, runDialogues }] = await Promise.all([
        import('../src/eval/run-eval.js'),
        import('../src/answer/model/gold-files.js'),
        import('../src/eval/run-dialogues.js'),
      ]);
      try {
        if (isDialogueFile(where)) {
          const report = await runDialogues(app.bot, readDialogues(where));
          out(options.json ? JSON.stringify(report) : formatDialogueReport(report));
          if (report.dialogues.correct < report.dialogues.total) exit.code = EXIT.failed;
          return;
        }
        const report = await runEval(app.bot, readGoldSet(where));
        out(options.json ? JSON.stringify(report) : formatEvalReport(report, path.basename(where, '.yaml')));
        if (!report.passed) exit.code = EXIT.failed;
      } finally {
        await app.close();
      }
    });

  program
    .command('chat')
    .description('控制台对话(知识库改动即时生效;STAFF_IDS 含 console:console-user 时可用 /why、/reload)')
    .action(async () => {
      const { chat } = await import('./serve.js');
      if ((await chat(io, await openApp(io, { quiet: true, ...LIVE }))) > 0) exit.code = EXIT.failed;
    });

  program
    .command('review')
    .description('供工作人员:最常见的未答出和被点踩的问题,分组列出,附最接近的条目')
    .option('--days <n>', '往回看多少天', toCount, 30)
    .option('--limit <n>', '每类最多列出多少组', toCount, 30)
    .option('--csv <file>', '同时写出 Excel 可用的 CSV(UTF-8 带 BOM)')
    .action(async (options: { days: number; limit: number; csv?: string }) => {
      const { config, logger } = setup(io, true);
      const { review } = await import('./review.js');
      out(await review(config, logger, { ...options, csv: options.csv && path.resolve(io.cwd, options.csv) }));
    });

  program
    .command('stats')
    .description('供工作人员:按天统计各类回复、未答出率、各主题的回答数、点赞点踩')
    .option('--days <n>', '往回看多少天', toCount, 14)
    .option('--json', '以 JSON 输出数字')
    .action(async (options: { days: number; json?: boolean }) => {
      const { config } = setup(io, true);
      const { stats } = await import('./stats.js');
      out(await stats(config, options));
    });

  program
    .command('serve')
    .description('启动 HTTP 服务(网页聊天、API;设置了 HTTP_PORT,或没有配置任何聊天平台时在 127.0.0.1:3000)、已配置的所有渠道(Telegram、微信),在终端里还有控制台对话')
    .action(async () => {
      const [{ serve }, { createMetrics }] = await Promise.all([import('./serve.js'), import('../adapters/http/metrics.js')]);
      const metrics = createMetrics();
      // Beside the console chat in a terminal only warnings are logged, so they do not interleave.
      const app = await openApp(io, { quiet: Boolean(io.stdin.isTTY), ...LIVE, hooks: metrics.hooks });
      // Records lost at stop (the store and its spill file both failed): logged with QLB_STORE_RECORDS_LOST, and a failed exit.
      if ((await serve(io, app, metrics)) > 0) exit.code = EXIT.failed;
    });

  registerWechatMpCommand(program, io);
  registerStaffCommand(program, io);

  function toCount(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) program.error(`不是不小于 1 的整数:${value}`);
    return n;
  }
  return program;
}

/** Runs the CLI with `args` (without node and the script); resolves with the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const exit = { code: EXIT.ok as number };
  try {
    await buildProgram(io, exit).parseAsync([...args], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    return reportFatal(io, error);
  }
}
