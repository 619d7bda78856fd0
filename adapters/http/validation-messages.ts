/**
 * A request that does not fit its JSON schema, said in Chinese: which field, and what is
 * wrong with it. The first error ajv reports is the most specific one.
 */

/** The parts of an ajv error read here. */
export interface SchemaError {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

const TYPES: Record<string, string> = {
  string: '文字',
  boolean: 'true 或 false',
  object: 'JSON 对象',
  integer: '整数',
  number: '数字',
  array: '数组',
};

function field(path: string | undefined): string {
  const name = (path ?? '').replace(/^\//, '').replaceAll('/', '.');
  return name ? `字段 ${name}` : '请求内容';
}

function detail(error: SchemaError): string {
  const at = field(error.instancePath);
  const params = error.params ?? {};
  switch (error.keyword) {
    case 'required':
      return `缺少字段 ${String(params.missingProperty)}`;
    case 'additionalProperties':
      return `不认识的字段 ${String(params.additionalProperty)}`;
    case 'type':
      return `${at} 的类型不对,应为${TYPES[String(params.type)] ?? String(params.type)}`;
    case 'pattern':
    case 'format':
      return `${at} 的格式不对`;
    case 'minLength':
      // An empty message is the common case: say so plainly, not "the length is wrong".
      return Number(params.limit) === 1 ? `${at} 不能为空` : `${at} 太短(至少 ${String(params.limit)} 个字符)`;
    case 'maxLength':
      return `${at} 太长(最多 ${String(params.limit)} 个字符)`;
    case 'enum':
    case 'const':
      return `${at} 不是可用的取值`;
    default:
      return `${at} 不符合要求`;
  }
}

/** `请求内容不符合接口要求:…`, naming the first thing wrong. */
export function validationMessage(errors: readonly SchemaError[]): string {
  const first = errors[0];
  return `请求内容不符合接口要求:${first ? detail(first) : '格式不对'}`;
}
