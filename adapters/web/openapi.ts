/** The OpenAPI 3.1 document of the JSON API, built from the schemas fastify validates with. */
import { ChoiceRequest, ErrorSchema, FeedbackRequest, MessageRequest, ReplyJsonSchema } from './schemas.js';

const strip = <T extends { $id: string }>({ $id: _id, ...schema }: T) => schema;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [String(status), { description: `error (${status})`, content: { 'application/json': { schema: ref('Error') } } }]),
  );

function post(summary: string, request: string, example: Record<string, unknown>) {
  return {
    post: {
      summary,
      requestBody: { required: true, content: { 'application/json': { schema: ref(request), example } } },
      responses: {
        '200': { description: 'the reply', content: { 'application/json': { schema: ref('Reply') } } },
        ...errors(400, 413, 415, 429, 500),
      },
    },
  };
}

/** The document served at `/api/v1/openapi.json`. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '曲江区公共法律服务问答 API',
      version: '1',
      description:
        'The same replies as every chat adapter. A conversation is a random id the client makes (8-64 of A-Z a-z 0-9 _ -) and keeps; choices and votes refer to it. Errors are {error:{code,message}}.',
    },
    paths: {
      '/api/v1/messages': post('Ask a question, or send a command (menu)', 'MessageRequest', {
        conversation: 'k3J9x2mQpL0aZ7',
        text: '没钱请律师怎么办',
      }),
      '/api/v1/choices': post('Pick a choice a reply offered, by its id', 'ChoiceRequest', {
        conversation: 'k3J9x2mQpL0aZ7',
        choice: 't:legal-aid',
      }),
      '/api/v1/feedback': post('Rate an answer (👍 useful: true, 👎 useful: false)', 'FeedbackRequest', {
        conversation: 'k3J9x2mQpL0aZ7',
        useful: true,
        entry: 'legal-aid.where',
      }),
    },
    components: {
      schemas: {
        MessageRequest: strip(MessageRequest),
        ChoiceRequest: strip(ChoiceRequest),
        FeedbackRequest: strip(FeedbackRequest),
        Reply: strip(ReplyJsonSchema),
        Error: strip(ErrorSchema),
      },
    },
  };
}
