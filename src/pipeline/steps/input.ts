/**
 * What arrives without text to read: a 👍 / 👎 button, a platform command (/start, /menu),
 * a pressed choice button (picked by its id, whatever list is open now), or a sticker,
 * photo or voice message the bot cannot read.
 */
import { idsOf, resolveChoice } from '../../answer/dialog/choices.js';
import { buttonVote } from '../../answer/dialog/votes.js';
import { step, type Step } from '../compose-steps.js';

export function platformInput(): Step {
  return step(
    'input',
    (ctx) => ctx.message.kind !== 'text',
    async (ctx) => {
      const { message, engine, state } = ctx;
      const { compose } = engine;
      switch (message.kind) {
        case 'feedback': {
          const vote = buttonVote(message, state);
          // Not an answer this conversation has unrated: nothing counted, nothing changed.
          if (!vote) return ctx.finish(compose.feedbackRefused(), 'feedback.refused');
          ctx.vote = vote;
          ctx.next = { ...state, lastAnswer: state.lastAnswer?.entryId === vote.entryId ? undefined : state.lastAnswer };
          return ctx.finish(compose.feedbackThanks(), 'feedback.button');
        }
        case 'command': {
          const menu = compose.menu();
          ctx.next = { ...state, choices: idsOf(menu) };
          return ctx.finish(menu, `command.${message.command ?? 'menu'}`);
        }
        case 'choice': {
          const chosen = message.choiceId ? resolveChoice(engine, message.choiceId) : undefined;
          ctx.note({ choice: message.choiceId ?? null, known: Boolean(chosen) });
          if (!chosen) return ctx.finish(compose.noChoice(), 'choice.unknown');
          ctx.next = chosen.next;
          return ctx.finish(chosen.reply, 'choice.button');
        }
        default:
          return ctx.finish(compose.unsupported(), `unsupported.${message.kind}`);
      }
    },
  );
}
