/**
 * Every error the bot raises or logs on purpose, with a stable code, in one registry (the
 * shape follows fastify's lib/errors). Log the code; show people a safe reply. Each code has
 * its meaning for staff here and a row in the README's error table (a test checks both, and
 * that every code is used).
 */

/** Stable error codes. Never renumber or reuse one. */
export const ErrorCodes = {
  CONFIG_INVALID: 'QLB_CONFIG_INVALID',
  KNOWLEDGE_INVALID: 'QLB_KNOWLEDGE_INVALID',
  KNOWLEDGE_NOT_FOUND: 'QLB_KNOWLEDGE_NOT_FOUND',
  SEGMENTER_UNAVAILABLE: 'QLB_SEGMENTER_UNAVAILABLE',
  HANDLER_FAILED: 'QLB_HANDLER_FAILED',
  TURN_TIMEOUT: 'QLB_TURN_TIMEOUT',
  EVAL_FILE_INVALID: 'QLB_EVAL_FILE_INVALID',
  STORE_FAILED: 'QLB_STORE_FAILED',
  KNOWLEDGE_WATCH_FAILED: 'QLB_KNOWLEDGE_WATCH_FAILED',
  SNAPSHOT_FAILED: 'QLB_SNAPSHOT_FAILED',
  SERVE_NOT_CONFIGURED: 'QLB_SERVE_NOT_CONFIGURED',
  ADAPTER_ALREADY_STARTED: 'QLB_ADAPTER_ALREADY_STARTED',
  TELEGRAM_CONNECT_FAILED: 'QLB_TELEGRAM_CONNECT_FAILED',
  TELEGRAM_WEBHOOK_FAILED: 'QLB_TELEGRAM_WEBHOOK_FAILED',
  TELEGRAM_POLLING_FAILED: 'QLB_TELEGRAM_POLLING_FAILED',
  TELEGRAM_POLLING_STOPPED: 'QLB_TELEGRAM_POLLING_STOPPED',
  TELEGRAM_UPDATE_UNREADABLE: 'QLB_TELEGRAM_UPDATE_UNREADABLE',
  TELEGRAM_SEND_FAILED: 'QLB_TELEGRAM_SEND_FAILED',
  TELEGRAM_STOP_TIMEOUT: 'QLB_TELEGRAM_STOP_TIMEOUT',
  TELEGRAM_KEPT_UPDATES_FAILED: 'QLB_TELEGRAM_KEPT_UPDATES_FAILED',
  WECHAT_PUPPET_INVALID: 'QLB_WECHAT_PUPPET_INVALID',
  WECHAT_PUPPET_MISSING: 'QLB_WECHAT_PUPPET_MISSING',
  WECHAT_PUPPET_UNCAUGHT: 'QLB_WECHAT_PUPPET_UNCAUGHT',
  WECHAT_MESSAGE_FAILED: 'QLB_WECHAT_MESSAGE_FAILED',
  WECHAT_MP_SIGNATURE_INVALID: 'QLB_WECHAT_MP_SIGNATURE_INVALID',
  WECHAT_MP_TIMESTAMP_STALE: 'QLB_WECHAT_MP_TIMESTAMP_STALE',
  WECHAT_MP_XML_INVALID: 'QLB_WECHAT_MP_XML_INVALID',
  WECHAT_MP_DECRYPT_FAILED: 'QLB_WECHAT_MP_DECRYPT_FAILED',
  WECHAT_MP_APPID_MISMATCH: 'QLB_WECHAT_MP_APPID_MISMATCH',
  WECHAT_MP_AES_KEY_MISSING: 'QLB_WECHAT_MP_AES_KEY_MISSING',
  WECHAT_MP_TOKEN_FAILED: 'QLB_WECHAT_MP_TOKEN_FAILED',
  WECHAT_MP_API_FAILED: 'QLB_WECHAT_MP_API_FAILED',
  WECHAT_MP_REPLY_WINDOW_CLOSED: 'QLB_WECHAT_MP_REPLY_WINDOW_CLOSED',
  WECHAT_MP_MENU_INVALID: 'QLB_WECHAT_MP_MENU_INVALID',
  WECHAT_MP_STOP_TIMEOUT: 'QLB_WECHAT_MP_STOP_TIMEOUT',
  CONSOLE_REPLY_FAILED: 'QLB_CONSOLE_REPLY_FAILED',
  HOOK_FAILED: 'QLB_HOOK_FAILED',
  HTTP_LISTEN_FAILED: 'QLB_HTTP_LISTEN_FAILED',
  HTTP_BAD_REQUEST: 'QLB_HTTP_BAD_REQUEST',
  HTTP_BODY_TOO_LARGE: 'QLB_HTTP_BODY_TOO_LARGE',
  HTTP_UNSUPPORTED_MEDIA_TYPE: 'QLB_HTTP_UNSUPPORTED_MEDIA_TYPE',
  HTTP_NOT_FOUND: 'QLB_HTTP_NOT_FOUND',
  HTTP_RATE_LIMITED: 'QLB_HTTP_RATE_LIMITED',
  HTTP_INTERNAL: 'QLB_HTTP_INTERNAL',
  STORE_RECORDS_DROPPED: 'QLB_STORE_RECORDS_DROPPED',
  STORE_CORRUPT: 'QLB_STORE_CORRUPT',
  STORE_UNREADABLE: 'QLB_STORE_UNREADABLE',
  STORE_DISK_FULL: 'QLB_STORE_DISK_FULL',
  STORE_LOCKED: 'QLB_STORE_LOCKED',
  OUTPUT_FAILED: 'QLB_OUTPUT_FAILED',
  STAFF_NAME_INVALID: 'QLB_STAFF_NAME_INVALID',
  STAFF_PASSWORD_INVALID: 'QLB_STAFF_PASSWORD_INVALID',
  STAFF_EXISTS: 'QLB_STAFF_EXISTS',
  STAFF_NOT_FOUND: 'QLB_STAFF_NOT_FOUND',
  STAFF_STORE_FAILED: 'QLB_STAFF_STORE_FAILED',
  STAFF_LOGIN_REQUIRED: 'QLB_STAFF_LOGIN_REQUIRED',
  STAFF_LOGIN_FAILED: 'QLB_STAFF_LOGIN_FAILED',
  STAFF_LOCKED_OUT: 'QLB_STAFF_LOCKED_OUT',
  STAFF_CSRF_INVALID: 'QLB_STAFF_CSRF_INVALID',
  STAFF_SESSION_SECRET_RANDOM: 'QLB_STAFF_SESSION_SECRET_RANDOM',
  STAFF_EDIT_REFUSED: 'QLB_STAFF_EDIT_REFUSED',
  STAFF_EDIT_FAILED: 'QLB_STAFF_EDIT_FAILED',
  DATABASE_UNREACHABLE: 'QLB_DATABASE_UNREACHABLE',
  REDIS_UNAVAILABLE: 'QLB_REDIS_UNAVAILABLE',
  INSTANCE_LOCKED: 'QLB_INSTANCE_LOCKED',
  INSTANCE_LOCK_LOST: 'QLB_INSTANCE_LOCK_LOST',
  STORE_RECORDS_SPILLED: 'QLB_STORE_RECORDS_SPILLED',
  STORE_RECORDS_LOST: 'QLB_STORE_RECORDS_LOST',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** What each code means, in Chinese for staff; the compiler refuses a code without one. */
export const ErrorMeanings = {
  QLB_CONFIG_INVALID: '配置有误:设置项缺失或取值无效,提示中列出了有问题的键',
  QLB_KNOWLEDGE_INVALID: '知识库有误:提示中列出了文件、条目、字段和违反的规则;运行中的机器人继续使用原来的版本',
  QLB_KNOWLEDGE_NOT_FOUND: '找不到知识库目录(KNOWLEDGE_DIR)',
  QLB_SEGMENTER_UNAVAILABLE: '分词器无法加载(SEGMENTER 指定的包未安装或加载失败)',
  QLB_HANDLER_FAILED: '处理一条消息时出现意外错误;对方收到了致歉回复',
  QLB_TURN_TIMEOUT: '处理一条消息超过了时间上限;对方收到了致歉回复',
  QLB_EVAL_FILE_INVALID: '评测集文件格式有误',
  QLB_STORE_FAILED: '消息记录库无法打开、写入或清理(SQLite:磁盘满、被锁、只读、损坏;PostgreSQL:连不上、拒绝写入);回答照常进行,记录在内存中等待重试',
  QLB_KNOWLEDGE_WATCH_FAILED: '无法监视知识库目录的改动;SIGHUP 和 /reload 仍可重新加载',
  QLB_SNAPSHOT_FAILED: '知识库快照或分词缓存(DATA_DIR/cache)无法写入;照常回答,只是启动时要重新读取、检查知识库文件并重新分词',
  QLB_SERVE_NOT_CONFIGURED: 'serve 没有可启动的渠道,也没有终端可进行控制台对话',
  QLB_ADAPTER_ALREADY_STARTED: '同一个渠道被启动了两次',
  QLB_TELEGRAM_CONNECT_FAILED: '连接 Telegram 失败(getMe):检查 TELEGRAM_BOT_TOKEN 和 TELEGRAM_API_ROOT',
  QLB_TELEGRAM_WEBHOOK_FAILED: 'Telegram webhook 设置失败,或 TELEGRAM_WEBHOOK_URL 不是网址',
  QLB_TELEGRAM_POLLING_FAILED: 'Telegram 轮询出错(网络、限流或服务器错误),稍后自动重试',
  QLB_TELEGRAM_POLLING_STOPPED: 'Telegram 轮询已停止,收不到新消息:令牌无效(401),或另有进程或 webhook 在用同一个令牌(409);需处理后重启',
  QLB_TELEGRAM_UPDATE_UNREADABLE: '收到一条无法读取的 Telegram 更新,已跳过',
  QLB_TELEGRAM_SEND_FAILED: '向 Telegram 发送回复失败(重试之后)',
  QLB_TELEGRAM_STOP_TIMEOUT: '停止时有回复在期限内没有发完:未发完的请求已取消,对应的消息留待下次启动再回复',
  QLB_TELEGRAM_KEPT_UPDATES_FAILED: '停止时未回复的 Telegram 消息无法保存到 DATA_DIR,或启动时无法读取;这些消息可能得不到回复',
  QLB_WECHAT_PUPPET_INVALID: 'WECHATY_PUPPET 不是合法的包名,或该包不是 wechaty puppet',
  QLB_WECHAT_PUPPET_MISSING: 'WECHATY_PUPPET 指定的包没有安装',
  QLB_WECHAT_PUPPET_UNCAUGHT: '微信 puppet 内部抛出未捕获的异常(进程继续运行)',
  QLB_WECHAT_MESSAGE_FAILED: '读取或回复一条微信消息失败',
  QLB_WECHAT_MP_SIGNATURE_INVALID: '公众号:请求的签名(signature / msg_signature)不对,已拒绝;不是来自微信,或 WECHAT_MP_TOKEN 与后台填写的令牌不同',
  QLB_WECHAT_MP_TIMESTAMP_STALE: '公众号:请求的时间戳与本机时间相差超过 5 分钟,按重放拒绝;若频繁出现,检查服务器时钟',
  QLB_WECHAT_MP_XML_INVALID: '公众号:请求内容不是微信的 XML(无法解析、过大、含 DOCTYPE 或缺字段),已拒绝',
  QLB_WECHAT_MP_DECRYPT_FAILED: '公众号:加密消息无法解密;WECHAT_MP_AES_KEY 与后台的 EncodingAESKey 不一致',
  QLB_WECHAT_MP_APPID_MISMATCH: '公众号:加密消息属于另一个公众号;检查 WECHAT_MP_APPID',
  QLB_WECHAT_MP_AES_KEY_MISSING: '公众号:收到加密消息(安全或兼容模式),但没有设置 WECHAT_MP_AES_KEY',
  QLB_WECHAT_MP_TOKEN_FAILED: '公众号:取不到 access_token(日志中有 errcode;40164 服务器 IP 不在白名单,40125 AppSecret 不对)',
  QLB_WECHAT_MP_API_FAILED: '公众号:客服消息或菜单接口调用失败(重试之后;日志中有 errcode,48001 表示公众号没有该接口权限)',
  QLB_WECHAT_MP_REPLY_WINDOW_CLOSED: '公众号:对方 48 小时内没有发过消息,或客服消息条数已用完(45015、45047),这条回复没有发出',
  QLB_WECHAT_MP_MENU_INVALID: '公众号菜单不合规则(布局文件有误、主题不存在、按钮太多或名称太长),提示中指出了哪一组哪一个按钮',
  QLB_WECHAT_MP_STOP_TIMEOUT: '公众号:停止时还有回复没有发完,已放弃',
  QLB_CONSOLE_REPLY_FAILED: '控制台对话回答一行输入失败(核心本不会出错);已记录,对话继续',
  QLB_HOOK_FAILED: '一个观察者(如指标统计)出错;回答照常进行',
  QLB_HTTP_LISTEN_FAILED: 'HTTP 服务无法监听端口(已被占用、无权限或地址有误):检查 HTTP_PORT 和 HTTP_HOST',
  QLB_HTTP_BAD_REQUEST: 'API 请求不是 JSON,或内容不符合接口要求(HTTP 400)',
  QLB_HTTP_BODY_TOO_LARGE: 'API 请求体超过 HTTP_BODY_LIMIT_BYTES(HTTP 413)',
  QLB_HTTP_UNSUPPORTED_MEDIA_TYPE: 'API 请求没有以 application/json 发送(HTTP 415)',
  QLB_HTTP_NOT_FOUND: '没有这个网址或请求方法(HTTP 404)',
  QLB_HTTP_RATE_LIMITED: '同一地址每分钟请求超过 HTTP_RATE_PER_MINUTE(HTTP 429)',
  QLB_HTTP_INTERNAL: '处理网页请求时出现意外错误(HTTP 500);原因只写入日志',
  QLB_STORE_RECORDS_DROPPED: '数据库写不进时内存队列已满,新的记录也无法写入 DATA_DIR/unwritten/ 的暂存文件,已丢弃(已计数,每分钟最多记一次日志);回答照常进行',
  QLB_STORE_CORRUPT: 'stats / review:数据库文件已损坏或不是数据库;从备份恢复,或移走后由机器人重建',
  QLB_STORE_UNREADABLE: 'stats / review:无法读取数据目录或数据库(路径、权限;只读目录里 SQLite 无法建 -shm 文件)',
  QLB_STORE_DISK_FULL: 'stats / review:磁盘已满,无法读取数据库或写出 CSV',
  QLB_STORE_LOCKED: 'stats / review:数据库被其他进程锁住超过等待时间;稍后再试',
  QLB_OUTPUT_FAILED: 'review --csv:无法写出 CSV 文件(路径或权限)',
  QLB_STAFF_NAME_INVALID: 'staff:工作人员账号名不合规则(1 到 32 个汉字、字母、数字或 . _ -)',
  QLB_STAFF_PASSWORD_INVALID: 'staff:密码太短(至少 10 个字符)、太长、两次输入不一致,或没有读到密码',
  QLB_STAFF_EXISTS: 'staff add:这个账号名已经有人用了',
  QLB_STAFF_NOT_FOUND: 'staff:没有这个工作人员账号',
  QLB_STAFF_STORE_FAILED: '工作人员账号库(DATA_DIR 里的数据库,或 DATABASE_URL 的 PostgreSQL)无法打开、读取或写入;后台无法登录或记录',
  QLB_STAFF_LOGIN_REQUIRED: '工作人员后台:没有登录或登录已过期(HTTP 401)',
  QLB_STAFF_LOGIN_FAILED: '工作人员后台:账号名或密码不对(HTTP 401)',
  QLB_STAFF_LOCKED_OUT: '工作人员后台:同一账号或同一地址登录失败次数过多,暂时锁定(HTTP 429)',
  QLB_STAFF_CSRF_INVALID: '工作人员后台:改动请求缺少或带错了防伪令牌(CSRF),或来自别的网站,已拒绝(HTTP 403)',
  QLB_STAFF_SESSION_SECRET_RANDOM: '没有设置 STAFF_SESSION_SECRET:本次运行用随机密钥签名登录 Cookie,重启后所有人要重新登录',
  QLB_STAFF_EDIT_REFUSED: '工作人员后台:加入示例问题被拒绝(问题为空或太长、已是示例问题、知识库检查不通过、文件刚被改动),文件没有改动',
  QLB_STAFF_EDIT_FAILED: '工作人员后台:写入知识库文件失败(权限、磁盘);文件没有改动',
  QLB_DATABASE_UNREACHABLE: 'stats / review:连不上 PostgreSQL(DATABASE_URL 的主机、端口、库名、用户或密码不对,或数据库未运行)',
  QLB_REDIS_UNAVAILABLE: 'Redis 连不上或命令失败:回答照常,但对话暂不记得上文、限流按各实例分别计算、重新加载不广播;自动重试,恢复后记一行日志',
  QLB_INSTANCE_LOCKED: '同一个 Redis 上已有另一个实例在轮询 Telegram 或登录个人微信,本实例拒绝启动该渠道;提示中有对方实例的名称',
  QLB_INSTANCE_LOCK_LOST: '运行中的 Telegram 轮询或个人微信失去了实例锁(Redis 中断期间被另一个实例取得),本实例已停止该渠道,由对方继续',
  QLB_STORE_RECORDS_SPILLED: '数据库写不进:内存队列已满的新记录,或停止时还没写入的记录,已存入 DATA_DIR/unwritten/ 的暂存文件(已脱敏),下次启动(或数据库恢复后)补写,不会重复',
  QLB_STORE_RECORDS_LOST: '有记录丢失:数据库写不进,暂存文件也写不进(磁盘满、无权限),或暂存文件中有残缺的行;停止时出现则进程以非零状态退出',
} as const satisfies Record<ErrorCode, string>;

/** An error the bot knows about; `details` lists what exactly is wrong (file, field...). */
export class BotError extends Error {
  readonly code: ErrorCode;
  readonly details: string[];

  constructor(code: ErrorCode, message: string, details: string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotError';
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a {@link BotError} with the given code. */
export function hasCode(error: unknown, code: ErrorCode): error is BotError {
  return error instanceof BotError && error.code === code;
}
