import type { App } from '../src/app.js';

/** `why "问题"`: how the bot read a question and why it chose what it chose, for staff. */
export function explain(app: App, question: string): string {
  const { engine } = app.bot;
  const cut = engine.read(question, app.config.maxMessageChars);
  const { normalized } = cut;
  const emergency = engine.detectEmergency(normalized);
  const stripped = engine.stripGreeting(normalized);
  const match = engine.match(stripped);
  const decision = engine.decide(match);
  const lines = [
    `input:        ${question}${cut.truncated ? `  (cut to ${app.config.maxMessageChars} chars)` : ''}`,
    `normalized:   ${normalized}`,
    `tokens:       ${match.tokens.join(' | ') || '(none)'}`,
    `corrections:  ${match.corrections.map((c) => `${c.from}→${c.to}`).join(', ') || '(none)'}`,
    `aspects:      ${match.aspects.join(', ') || '(none)'}${match.aspectOnly ? '  (aspect only: a follow-up)' : ''}`,
    `emergency:    ${emergency ? emergency.category : 'no'}`,
    `greeting:     ${engine.isGreeting(normalized) ? 'yes (menu)' : 'no'}`,
    `elsewhere:    ${engine.elsewhere(stripped) ?? 'no'}`,
    'candidates:   confidence (coverage nearest)  bm25   rank  anchored  entry',
    ...match.candidates
      .slice(0, 5)
      .map(
        (c, i) =>
          `  ${i + 1}.         ${c.confidence.toFixed(3)}      (${c.coverage.toFixed(3)} ${c.nearest.toFixed(3)}) ${c.bm25.toFixed(2).padStart(6)}  ${c.rank.toFixed(3)}  ${c.anchored ? 'yes' : 'no '}       ${c.entry.id} (${c.entry.title})`,
      ),
    `thresholds:   answer ≥ ${engine.thresholds.answer}, clarify ≥ ${engine.thresholds.clarify}`,
    `decision:     ${
      emergency
        ? 'emergency (checked before matching)'
        : engine.elsewhere(stripped)
          ? 'fallback (asks about an office of another district or city)'
          : decision.kind === 'answer'
          ? `answer ${decision.entry.id}`
          : decision.kind === 'clarify'
            ? `clarify among ${decision.options.map((e) => e.id).join(', ')}`
            : 'fallback (not confident)'
    }`,
  ];
  return lines.join('\n');
}
