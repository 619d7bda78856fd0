/**
 * `legal-bot`: the command line. The composition root that wires the core to adapters,
 * which is why it lives outside the platform-free `src/`.
 */
import { Command } from 'commander';
import path from 'node:path';
import { askLines, askOnce } from './ask.js';
import { formatCheck, runCheck } from './check.js';
import { loadEnvFile } from './env-file.js';
import { review } from './review.js';
import { chat, serve } from './serve.js';
import { stats } from './stats.js';
import { explain } from './why.js';
import { EXIT, openApp, reportFatal, setup } from './shared.js';
import { formatEvalReport, readGoldSet, runEval } from '../src/eval/run-eval.js';

const program = new Command('legal-bot')
  .description('曲江区公共法律服务问答机器人 / Qujiang legal-service Q&A bot')
  .showHelpAfterError()
  .option('--env-file <file>', 'read settings from this file (default: ./.env when it exists)')
  .option('--no-env-file', 'do not read any env file')
  .hook('preAction', () => {
    loadEnvFile(program.opts<{ envFile?: string | false }>().envFile);
  });

program
  .command('ask')
  .description('answer one question (or, with --jsonl, one question a line from stdin)')
  .argument('[question...]', 'the question')
  .option('--json', 'print {"kind","text","entry","score"}')
  .option('--jsonl', 'read one question a line from stdin, print one JSON object a line')
  .action(async (words: string[], options: { json?: boolean; jsonl?: boolean }) => {
    if (!options.jsonl && words.length === 0) program.error('ask: give a question, or use --jsonl');
    // A question asked by hand is recorded like any other; a batch (--jsonl: evals, benches) is not.
    const app = await openApp({ quiet: true, record: !options.jsonl });
    try {
      if (options.jsonl) await askLines(app);
      else await askOnce(app, words.join(' '), Boolean(options.json));
    } finally {
      await app.close();
    }
  });

program
  .command('why')
  .description('for staff: normalized text, tokens, corrections, top 5 candidates, decision')
  .argument('<question...>', 'the question')
  .action(async (words: string[]) => {
    const app = await openApp({ quiet: true });
    process.stdout.write(`${explain(app, words.join(' '))}\n`);
  });

program
  .command('check')
  .description('检查知识库(格式、出处、数字、法条);逐条说明文件、条目、字段和违反的规则')
  .option('--json', 'print the result as JSON')
  .action((options: { json?: boolean }) => {
    const { config } = setup('warn');
    const report = runCheck(config.knowledgeDir);
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else (report.ok ? process.stdout : process.stderr).write(`${formatCheck(report)}\n`);
    if (!report.ok) process.exitCode = EXIT.invalid;
  });

program
  .command('eval')
  .description('run a gold set; accuracy per category and every miss; non-zero exit under the thresholds')
  .argument('[file]', 'gold set (YAML)', path.join('test', 'gold', 'gold-set.yaml'))
  .option('--json', 'print the report as JSON')
  .action(async (file: string, options: { json?: boolean }) => {
    const app = await openApp({ quiet: true });
    const report = await runEval(app.bot, readGoldSet(file));
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${formatEvalReport(report)}\n`);
    if (!report.passed) process.exitCode = EXIT.failed;
  });

/** Running bots record, take typed 1 / 0 feedback and serve staff commands. */
const LIVE = { record: true, textFeedback: true, explain } as const;

program
  .command('chat')
  .description('console chat (knowledge edits apply at once; STAFF_IDS console:console-user for /why, /reload)')
  .action(async () => chat(await openApp({ quiet: true, ...LIVE })));

program
  .command('review')
  .description('for staff: most frequent unanswered and disliked questions, grouped, with the closest entry')
  .option('--days <n>', 'look back this many days', toCount, 30)
  .option('--limit <n>', 'groups listed at most, of each kind', toCount, 30)
  .option('--csv <file>', 'also write the list as CSV for Excel (UTF-8 with BOM)')
  .action(async (options: { days: number; limit: number; csv?: string }) => {
    const { config, logger } = setup('warn');
    process.stdout.write(`${await review(config, logger, options)}\n`);
  });

program
  .command('stats')
  .description('for staff: answers per topic and reply kind per day, fallback rate, feedback')
  .option('--days <n>', 'look back this many days', toCount, 14)
  .option('--json', 'print the numbers as JSON')
  .action((options: { days: number; json?: boolean }) => {
    const { config } = setup('warn');
    process.stdout.write(`${stats(config, options)}\n`);
  });

program
  .command('serve')
  .description('start every configured adapter (Telegram, WeChat); the console chat when none is')
  .action(async () => {
    const { config } = setup('warn');
    if (!config.telegram && !config.wechat) {
      process.stderr.write('No chat platform configured (see .env.example): starting the console chat. Ctrl-D or Ctrl-C ends it.\n');
      return chat(await openApp({ quiet: true, ...LIVE }));
    }
    return serve(await openApp(LIVE));
  });

function toCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) program.error(`not a whole number of at least 1: ${value}`);
  return n;
}

program.parseAsync(process.argv).catch(reportFatal);
