/**
 * Court acceptance fees (诉讼费用交纳办法): property cases by the cumulative brackets of
 * 第十三条 (each part of the claim pays its own bracket's rate, and the parts are added),
 * labour disputes a flat fee, divorce a range plus a share of property above a threshold;
 * half in the simple procedure (第十六条). Exact fractions, one rounding to the fen.
 */
import { z } from 'zod';
import { decimalRatio, formatYuan, minus, plus, ratio, roundToFen, times, type Fen, type Ratio } from './money.js';
import type { CalcOutcome, Citation, InputShown } from './result.js';

const Percent = z.string().regex(/^\d+(\.\d+)?$/u, { message: '百分比写成数字，如 \'2.5\'' });
const Bracket = z
  .object({ upToYuan: z.number().int().positive().nullable(), fixedYuan: z.number().int().positive().optional(), percent: Percent.optional() })
  .refine((bracket) => (bracket.fixedYuan === undefined) !== (bracket.percent === undefined), { message: '每一段写 fixedYuan 或 percent，只写一个' });

/** The schema of court-fees.yaml. */
export const CourtFeesFileSchema = z.object({
  law: z.string().min(1),
  property: z
    .object({ article: z.string().min(1), brackets: z.array(Bracket).min(1) })
    .refine((property) => property.brackets.every((bracket, index, all) => (bracket.upToYuan === null) === (index === all.length - 1) && (index === 0 || (bracket.upToYuan ?? Infinity) > (all[index - 1]!.upToYuan ?? 0))), {
      message: '各段上限要从小到大，只有最后一段写 null',
    }),
  labour: z.object({ article: z.string().min(1), yuan: z.number().int().positive() }),
  divorce: z.object({ article: z.string().min(1), minYuan: z.number().int().positive(), maxYuan: z.number().int().positive(), freeUpToYuan: z.number().int().positive(), percent: Percent }),
  simpleProcedure: z.object({ article: z.string().min(1) }),
});

/** court-fees.yaml as validated. */
export type CourtFeesFile = z.infer<typeof CourtFeesFileSchema>;

/** What a fee is computed from. */
export interface CourtFeeInput {
  fees: CourtFeesFile;
  kind: 'property' | 'labour' | 'divorce';
  /** The amount claimed (property) or the property to divide (divorce), in fen. */
  amount?: Fen;
  simple?: boolean;
}

const TITLE = '案件受理费（诉讼费）';
const yuan = (value: number) => formatYuan(value * 100);
const percentText = (percent: string) => `${percent}%`;

/** The property-case fee in fen (exact) and its working, bracket by bracket. */
function propertyFee(fees: CourtFeesFile, amount: Fen): { fee: Ratio; parts: string[] } {
  let fee = ratio(0);
  let below = 0;
  const parts: string[] = [];
  for (const bracket of fees.property.brackets) {
    if (amount <= below * 100) break;
    const top = bracket.upToYuan === null ? amount : Math.min(amount, bracket.upToYuan * 100);
    if (bracket.fixedYuan !== undefined) {
      fee = plus(fee, ratio(bracket.fixedYuan * 100));
      parts.push(`${yuan(bracket.upToYuan ?? 0)}以下${yuan(bracket.fixedYuan)}`);
    } else {
      const portion = minus(ratio(top), ratio(below * 100));
      const share = times(portion, times(decimalRatio(bracket.percent!)!, ratio(1, 100)));
      fee = plus(fee, share);
      parts.push(`${formatYuan(roundToFen(portion))}×${percentText(bracket.percent!)}=${formatYuan(roundToFen(share))}`);
    }
    below = bracket.upToYuan ?? below;
  }
  return { fee, parts };
}

/** The acceptance fee with its article, its working and what would change it. */
export function computeCourtFee(input: CourtFeeInput): CalcOutcome {
  const { fees } = input;
  const calculation = `court-fee:${input.kind}`;
  const inputs: InputShown[] = [];
  if (input.amount !== undefined) inputs.push({ name: input.kind === 'divorce' ? '要分割的财产总额' : '诉讼请求金额', value: formatYuan(input.amount) });
  if (input.simple) inputs.push({ name: '程序', value: '简易程序' });
  const articles: Citation[] = [{ law: fees.law, article: input.kind === 'property' ? fees.property.article : input.kind === 'labour' ? fees.labour.article : fees.divorce.article }];
  const half = input.simple ? ratio(1, 2) : ratio(1);
  if (input.simple) articles.push({ law: fees.law, article: fees.simpleProcedure.article });
  const halfText = input.simple ? '，简易程序减半' : '';
  const changes = [
    ...(input.simple ? [] : [`适用简易程序审理的，减半交纳（${fees.simpleProcedure.article}）。`]),
    '以调解方式结案或者申请撤诉的，减半交纳（第十五条）；诉讼费用一般由败诉方负担（第二十九条）。',
    '交纳确有困难的，可以向法院申请缓交、减交或者免交（第四十四条）。',
  ];
  const result = (fee: Fen, how: string, maxFee?: Fen): CalcOutcome => ({
    kind: 'result', calculation, title: TITLE,
    figure: { label: '案件受理费', text: maxFee === undefined ? formatYuan(fee) : `${formatYuan(fee)}至${formatYuan(maxFee)}`, fen: fee, ...(maxFee === undefined ? {} : { maxFen: maxFee }) },
    how, articles, changes, assumptions: [], notes: [], inputs,
  });
  if (input.kind === 'labour') {
    const fee = roundToFen(times(ratio(fees.labour.yuan * 100), half));
    changes.push('劳动仲裁本身不收费（劳动争议调解仲裁法第五十三条）。');
    return result(fee, `劳动争议案件每件${yuan(fees.labour.yuan)}${halfText}，为${formatYuan(fee)}。`);
  }
  if (input.kind === 'divorce') {
    const over = Math.max(0, (input.amount ?? 0) - fees.divorce.freeUpToYuan * 100);
    const share = times(ratio(over), times(decimalRatio(fees.divorce.percent)!, ratio(1, 100)));
    const low = roundToFen(times(plus(ratio(fees.divorce.minYuan * 100), share), half));
    const high = roundToFen(times(plus(ratio(fees.divorce.maxYuan * 100), share), half));
    const shareText = over > 0 ? `，加上财产超过${yuan(fees.divorce.freeUpToYuan)}的部分${formatYuan(over)}×${percentText(fees.divorce.percent)}=${formatYuan(roundToFen(share))}` : '';
    if (over === 0) changes.unshift(`涉及财产分割、财产总额超过${yuan(fees.divorce.freeUpToYuan)}的，超过部分按${percentText(fees.divorce.percent)}另外交纳。`);
    return result(low, `离婚案件每件${yuan(fees.divorce.minYuan)}至${yuan(fees.divorce.maxYuan)}，具体由法院确定${shareText}${halfText}。`, high);
  }
  if (input.amount === undefined || input.amount <= 0) {
    return { kind: 'ask', calculation, title: TITLE, missing: 'amount', question: '您要求对方给付（起诉要求）的金额是多少？', inputs };
  }
  const { fee, parts } = propertyFee(fees, input.amount);
  const total = roundToFen(times(fee, half));
  const sum = formatYuan(roundToFen(fee));
  const how = `财产案件按请求金额分段累计：${parts.join('；')}，合计${sum}${input.simple ? `；简易程序减半为${formatYuan(total)}` : ''}。`;
  return result(total, how);
}
