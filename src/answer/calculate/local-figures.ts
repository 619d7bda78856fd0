/**
 * Local figures staff enter by hand (knowledge/calculate/local-figures.yaml): the city's
 * average monthly wage of the previous year, which caps compensation under 劳动合同法 第四十七条
 * 第二款. Each figure is dated and sourced; none is guessed, and when the one needed is missing
 * the calculation says so.
 */
import { z } from 'zod';
import { parseIsoDate } from './civil-date.js';
import { yuanToFen, type Fen } from './money.js';

const IsoDate = z.string().refine((text) => parseIsoDate(text) !== undefined, { message: '日期要写成 YYYY-MM-DD' });
const Yuan = z
  .union([z.number(), z.string()])
  .refine((yuan) => (yuanToFen(yuan) ?? 0) > 0, { message: '金额写成整数元或带两位小数的元，如 7000 或 "6543.21"' });

const AverageWageSchema = z.object({
  /** The statistical year (the “上年度” of a termination in the following year). */
  year: z.number().int().min(2000).max(2200),
  /** The average monthly wage in yuan. */
  yuan: Yuan,
  /** The publishing body and document (title, number). */
  source: z.string().min(1),
  published: IsoDate,
  enteredBy: z.string().min(1),
  enteredOn: IsoDate,
});

/** The schema of local-figures.yaml. */
export const LocalFiguresFileSchema = z
  .object({
    /** The city whose figures these are: 韶关市. */
    place: z.string().min(1),
    averageMonthlyWage: z.array(AverageWageSchema),
  })
  .superRefine((file, context) => {
    const seen = new Set<number>();
    file.averageMonthlyWage.forEach((entry, index) => {
      if (seen.has(entry.year)) context.addIssue({ code: 'custom', path: ['averageMonthlyWage', index, 'year'], message: `${entry.year}年度写了两次` });
      seen.add(entry.year);
    });
  });

/** local-figures.yaml as validated. */
export type LocalFiguresFile = z.infer<typeof LocalFiguresFileSchema>;

/** An average monthly wage on file, in fen, with where it comes from. */
export interface AverageWage {
  year: number;
  fen: Fen;
  source: string;
  published: string;
}

/** The average monthly wage of `year`, or undefined when staff have not entered it. */
export function averageMonthlyWage(file: LocalFiguresFile, year: number): AverageWage | undefined {
  const entry = file.averageMonthlyWage.find((candidate) => candidate.year === year);
  return entry ? { year, fen: yuanToFen(entry.yuan)!, source: entry.source, published: entry.published } : undefined;
}
