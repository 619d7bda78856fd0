/** The OpenAPI 3.1 document of the JSON API, built from the schemas fastify validates with. */
import { CalculateRequest } from './calculate-schemas.js';
import { ChoiceRequest, ErrorSchema, FeedbackRequest, MessageRequest, ReplyJsonSchema } from './schemas.js';

const strip = <T extends { $id: string }>({ $id: _id, ...schema }: T) => schema;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [String(status), { description: `error (${status})`, content: { 'application/json': { schema: ref('Error') } } }]),
  );

function post(summary: string, request: string, example: Record<string, unknown>, more: { description?: string; statuses?: number[] } = {}) {
  return {
    post: {
      summary,
      ...(more.description ? { description: more.description } : {}),
      requestBody: { required: true, content: { 'application/json': { schema: ref(request), example } } },
      responses: {
        '200': { description: 'the reply', content: { 'application/json': { schema: ref('Reply') } } },
        ...errors(...[400, ...(more.statuses ?? []), 413, 415, 429, 500, 503]),
      },
    },
  };
}

const RETRIES =
  'With `clientMessageId` (a random id the client makes per message and sends again, unchanged, when it retries), a retry in the same conversation with the same content gets the reply the first request got and is handled once, also while the first is still being answered and on another instance sharing Redis; kept 10 minutes. Reused with other content it is another message. An emergency is always answered with the emergency reply, retried or not. Without the id every request is a new message.';
const CALCULATIONS =
  'Deadlines and money computed from inputs given one by one (the page\'s 算一算), by the same calculators as a question in the chat: the reply is an `answer` (entry `calc.<rule>`) with `calculation` (figure, working, articles, what would change it, assumptions), or a `clarify` asking for a missing input, or refusing (a date in the future). Dates YYYY-MM-DD; yuan as an integer or a decimal string, never a float. A field of the right form that cannot be computed (2026-02-30, an unknown deadline) is refused with 400 QLB_HTTP_CALCULATION_INVALID naming it.';
const VOTES =
  'Counts only for an answer this conversation received (`entry`, or the last answer when left out), once: anything else (an entry never answered here, rated already, a conversation expired) is refused with 409 QLB_HTTP_FEEDBACK_REFUSED and counted nowhere.';

/** The document served at `/api/v1/openapi.json`. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '曲江区公共法律服务问答 API',
      version: '1',
      description:
        'The same replies as every chat adapter. A conversation is a random id the client makes (8-64 of A-Z a-z 0-9 _ -) and keeps; choices and votes refer to it. Requests are JSON (415 otherwise, a missing body too). Every error is {error:{code,message}} with a stable code and a message in Chinese.',
    },
    paths: {
      '/api/v1/messages': post(
        'Ask a question, or send a command (menu)',
        'MessageRequest',
        { conversation: 'k3J9x2mQpL0aZ7', text: '没钱请律师怎么办', clientMessageId: 'm-8Hq2vT0xLwYz' },
        { description: RETRIES },
      ),
      '/api/v1/choices': post('Pick a choice a reply offered, by its id', 'ChoiceRequest', {
        conversation: 'k3J9x2mQpL0aZ7',
        choice: 't:legal-aid',
      }),
      '/api/v1/feedback': post(
        'Rate an answer (👍 useful: true, 👎 useful: false)',
        'FeedbackRequest',
        { conversation: 'k3J9x2mQpL0aZ7', useful: true, entry: 'legal-aid.where' },
        { description: VOTES, statuses: [409] },
      ),
      '/api/v1/calculate': post(
        'Compute a deadline, compensation, double wages or a court fee from its inputs',
        'CalculateRequest',
        { calculation: 'deadline', rule: 'labour-arbitration', event: '2026-03-02' },
        { description: CALCULATIONS },
      ),
    },
    components: {
      schemas: {
        MessageRequest: strip(MessageRequest),
        ChoiceRequest: strip(ChoiceRequest),
        FeedbackRequest: strip(FeedbackRequest),
        CalculateRequest: strip(CalculateRequest),
        Reply: strip(ReplyJsonSchema),
        Error: strip(ErrorSchema),
      },
    },
  };
}
