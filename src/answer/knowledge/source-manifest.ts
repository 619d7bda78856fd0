/**
 * The sources pinned: knowledge/sources/manifest.yaml gives, for the report, every law text and
 * the registries the fact check trusts (hotlines.yaml, gazetteer.yaml), the SHA-256 of its
 * bytes, its official title, version and date, and who reviewed it when. A file that does not
 * match its line is refused, so editing a source together with an entry (laundering) fails;
 * changing a source is a change of its manifest line, with the reviewer, which `check --json`
 * lists and the staff audit records.
 */
import { z } from 'zod';
import { FACT_RULES, type FactRule } from './fact-rules.js';
import type { FileDigest } from './read-budget.js';

/** Folder-relative path of the manifest. */
export const MANIFEST_FILE = 'sources/manifest.yaml';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期写成 YYYY-MM-DD'));

/** One pinned file. */
export const PinnedSourceSchema = z.strictObject({
  /** Path in the knowledge folder: sources/laws/民法典.yaml. */
  file: z.string().trim().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 写 64 位小写十六进制'),
  /** The official title: 中华人民共和国民事诉讼法. */
  title: z.string().trim().min(1),
  /** The official version in words: 2023年9月1日第五次修正. */
  version: z.string().trim().min(1),
  /** The date of that version (a law file's `version`); null where the official text gives none. */
  date: isoDate.nullable(),
  /** Where the official text is published, and how it was copied. */
  origin: z.string().trim().min(1),
  /** Who checked this file against the official text, and when: a source changes only with a new review. */
  reviewed: z.strictObject({ by: z.string().trim().min(1), date: isoDate, note: z.string().trim().min(1).optional() }),
});

export const ManifestSchema = z.array(PinnedSourceSchema).min(1);

/** A line of the manifest. */
export type PinnedSource = z.infer<typeof PinnedSourceSchema>;

/**
 * A problem of the manifest: the shape of knowledge-base.ts's KnowledgeProblem, written here
 * because knowledge-base.ts reads PinnedSource from this module (no import cycle).
 */
interface ManifestProblem {
  file: string;
  field: string;
  message: string;
  text?: string;
  rule?: string;
}

/** A file the manifest must pin, and the date its own text gives (a law file's `version`). */
export interface SourceFile {
  file: string;
  date?: string;
}

function problem(rule: FactRule, file: string, field: string, text: string, detail: string): ManifestProblem {
  return { file, field, message: `「${text}」${detail}——规则:${FACT_RULES[rule]}`, text, rule };
}

/**
 * Problems of the pins: every file of `sources` has a manifest line whose checksum is the
 * digest of the bytes read (`digests`) and whose date is the file's own; no line names a file
 * that is not there. Named by the file at fault (the source, or the manifest's line).
 */
export function checkManifest(manifest: readonly PinnedSource[], sources: readonly SourceFile[], digests: readonly FileDigest[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const read = new Map(digests.map((digest) => [digest.file.split('\\').join('/'), digest.sha256]));
  const wanted = new Map(sources.map((source) => [source.file.split('\\').join('/'), source]));
  const seen = new Set<string>();
  manifest.forEach((pin, index) => {
    const field = `[${index}](file=${pin.file})`;
    if (seen.has(pin.file)) problems.push(problem('source-unpinned', MANIFEST_FILE, `${field}.file`, pin.file, '在清单里写了两次'));
    seen.add(pin.file);
    const source = wanted.get(pin.file);
    const sha256 = read.get(pin.file);
    if (!source || sha256 === undefined) {
      problems.push(problem('source-unpinned', MANIFEST_FILE, `${field}.file`, pin.file, '不是知识库读取的来源文件(文件不存在,或报告没有列在 meta.yaml 里)'));
      return;
    }
    if (sha256 !== pin.sha256) {
      problems.push(
        problem('source-changed', pin.file, '(校验和)', pin.file, `的内容与来源清单不符:清单记录 ${pin.sha256.slice(0, 12)}…,文件现在是 ${sha256}。来源只能照官方文本改动,并经复核后在 ${MANIFEST_FILE} 更新 sha256 和 reviewed`),
      );
    }
    if (source.date !== undefined && source.date !== pin.date) {
      problems.push(problem('source-version', MANIFEST_FILE, `${field}.date`, String(pin.date), `与 ${pin.file} 自己写的版本日期 ${source.date} 不一致`));
    }
  });
  for (const [file] of wanted) {
    if (!seen.has(file) && read.has(file)) problems.push(problem('source-unpinned', file, '(来源清单)', file, `没有登记在 ${MANIFEST_FILE} 里(要写明校验和、官方版本、日期和复核人)`));
  }
  return problems;
}

/** What changed between two manifests: the files added, changed (another checksum) or removed, with the new line's review. */
export function manifestChanges(before: readonly PinnedSource[], after: readonly PinnedSource[]): Array<{ file: string; change: 'added' | 'changed' | 'removed'; pin?: PinnedSource }> {
  const old = new Map(before.map((pin) => [pin.file, pin]));
  const changes: Array<{ file: string; change: 'added' | 'changed' | 'removed'; pin?: PinnedSource }> = [];
  for (const pin of after) {
    const was = old.get(pin.file);
    if (!was) changes.push({ file: pin.file, change: 'added', pin });
    else if (was.sha256 !== pin.sha256) changes.push({ file: pin.file, change: 'changed', pin });
    old.delete(pin.file);
  }
  for (const file of old.keys()) changes.push({ file, change: 'removed' });
  return changes;
}
