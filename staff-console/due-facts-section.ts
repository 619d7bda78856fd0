/**
 * 待处理's list of local facts due for re-verification: a fact of knowledge/local-facts.yaml
 * past its `reverifyBy` is no longer given to residents until staff verify it again and
 * change its dates. Also how many facts are still 未核实 (empty), so the gap stays visible.
 */
import { dueFacts, factStatus, KIND_LABELS, LOCAL_FACTS_FILE, type LocalFacts } from '../src/answer/knowledge/local-facts.js';
import { html, type Html } from '../adapters/http/html.js';

/** The section, for the register in use on the day of `at`. */
export function dueFactsSection(register: LocalFacts, at: number): Html {
  const due = dueFacts(register, at);
  const unverified = register.offices.reduce((sum, office) => sum + office.facts.filter((fact) => factStatus(fact, at) === '未核实').length, 0);
  const list =
    due.length === 0
      ? html`<p class="empty">没有。</p>`
      : html`<ol class="groups">${due.map(
          (fact) => html`<li class="group"><p class="question">${fact.office} · ${KIND_LABELS[fact.kind]}:${fact.value}</p>
<p class="meta">核实于 ${fact.verifiedOn} · 复核期限 ${fact.reverifyBy} 已到:已不再回答给群众;核实后在 ${LOCAL_FACTS_FILE} 里改 verifiedOn 和 reverifyBy(id=${fact.officeId})</p></li>`,
        )}</ol>`;
  return html`<section aria-labelledby="h-due-facts"><h2 id="h-due-facts">本地事实待复核(${due.length} 条)</h2>${list}
<p class="hint">另有 ${unverified} 条本地事实(地址、办公时间、电话)还未核实填写,机器人不会说。</p></section>`;
}
