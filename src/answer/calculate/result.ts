/**
 * What every calculator returns: a result (the figure, one line of how it was computed, the
 * articles, what would change it, the assumptions and cautions, the inputs read), or the one
 * short question that would let it compute, or a polite refusal (a date in the future, an
 * end before a start). Plain data, JSON-safe, for the reply, the API and the web form alike;
 * {@link renderCalculation} (render.ts) turns it into Chinese.
 */
import { z } from 'zod';

/** One article a figure stands on. */
export interface Citation {
  /** The law's full name: 中华人民共和国劳动合同法. */
  law: string;
  /** 第八十七条, or 第二十七条第四款. */
  article: string;
}

/** The schema of a citation in the data files. */
export const CitationSchema = z.object({ law: z.string().min(1), article: z.string().regex(/^第[一二三四五六七八九十百零千]+条/u) });

/** One input as read, for `why` and for showing the person what was understood. */
export interface InputShown {
  name: string;
  value: string;
}

/** The number or date a result gives. */
export interface Figure {
  /** What it is: 最晚申请劳动仲裁的日期, 违法解除赔偿金, 案件受理费. */
  label: string;
  /** As shown: 2027年3月2日（星期二）, 48,000元, 50元至300元. */
  text: string;
  /** The date (YYYY-MM-DD) when the figure is a date. */
  date?: string;
  /** The amount in fen when the figure is money (the lower end of a range). */
  fen?: number;
  /** The upper end in fen when the figure is a range of money. */
  maxFen?: number;
}

/** A computed result. */
export interface CalcResult {
  kind: 'result';
  /** Which calculation: a deadline rule id (deadline:labour-arbitration) or a money kind. */
  calculation: string;
  /** Its name in Chinese: 劳动争议仲裁时效. */
  title: string;
  figure: Figure;
  /** One line: how the figure was computed. */
  how: string;
  articles: Citation[];
  /** What would change the figure: 如果期间您向对方催要过…. */
  changes: string[];
  /** What was assumed from the question (the year of 3月2号, the wage as the 12-month average). */
  assumptions: string[];
  /** Cautions: holidays not checked for a year, a local figure missing, a period that has run. */
  notes: string[];
  inputs: InputShown[];
  /** For deadlines: whether the last day is still ahead. */
  status?: 'open' | 'passed';
}

/** The one short question that would let the calculation run. */
export interface CalcQuestion {
  kind: 'ask';
  calculation: string;
  title: string;
  /** The input that is missing or vague: trigger, wage, service, amount …. */
  missing: string;
  question: string;
  inputs: InputShown[];
}

/** Why a calculation was not run, said politely. */
export interface CalcRefusal {
  kind: 'refuse';
  calculation: string;
  title: string;
  reason: 'future-date' | 'order' | 'out-of-range';
  message: string;
  inputs: InputShown[];
}

/** Any calculator's outcome. */
export type CalcOutcome = CalcResult | CalcQuestion | CalcRefusal;

/** The citations of `lists`, each once, in order. */
export function uniqueCitations(...lists: Citation[][]): Citation[] {
  const seen = new Set<string>();
  return lists.flat().filter((citation) => {
    const key = `${citation.law}|${citation.article}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
