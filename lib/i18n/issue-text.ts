/**
 * The adapters' `issues` in the operator's language: `issueText(problem, lang)` says a problem
 * sentence in Chinese (or English) through the templates of ./issue-templates.ts, and
 * `issueFieldName(field, lang)` names the field it is about (`metrics.payAmount` → 支付金额).
 *
 * Captures keep the adapters' English sentences as they are (stored captures stay valid and
 * adapters need not change); translation happens only here, at display time. A sentence no
 * template knows is shown as written behind a short lead (未能读取：…), never hidden.
 *
 * Pure and React-free. The result is plain text: callers render it as text, never as HTML
 * (problems quote page text).
 */
import { metricName, priceKindName, unitName, type Lang } from './index';
import { ISSUE_FIELD_NAMES, ISSUE_NOUNS, ISSUE_TEMPLATES, UNKNOWN_ISSUE_LEAD, type IssueRender, type IssueRenderContext, type IssueTemplate } from './issue-templates';
import { PRICE_KINDS, UNITS, type Price, type Unit } from '../capture/schema';

export interface IssueTranslation {
  text: string;
  /** Ids of the templates used, outermost first (nested phrases after their sentence). */
  templateIds: string[];
  /** False when a template was missing for the sentence or for a phrase inside it. */
  complete: boolean;
}

/** Captures hold at most 200 characters per problem; anything longer is not matched at all. */
const MAX_PROBLEM_CHARS = 400;
/** Phrases inside phrases: deeper than this is not an adapter sentence. */
const MAX_DEPTH = 4;

const CJK = /[\u3400-\u9fff]/;
/** A data field name as adapters quote it: dotted (rateVO.totalCount), camelCase or snake_case. */
const DATA_FIELD = /^[A-Za-z_][\w[\]]*(?:\.[\w[\]]+)*$/;
const looksLikeDataField = (text: string) => DATA_FIELD.test(text) && /[._A-Z]/.test(text.slice(1));

function firstMatch(text: string, templates: readonly IssueTemplate[]): { template: IssueTemplate; match: RegExpExecArray } | undefined {
  for (const template of templates) {
    template.pattern.lastIndex = 0;
    const match = template.pattern.exec(text);
    if (match && match[0] === text) return { template, match };
  }
  return undefined;
}

function fill(render: IssueRender, match: RegExpExecArray, ctx: IssueRenderContext): string {
  if (typeof render === 'function') return render(match, ctx);
  return render.replace(/\$(\d)/g, (_whole, n: string) => match[Number(n)] ?? '');
}

/**
 * The problem sentence in `lang`, with the templates used and whether every part of it was
 * known. `templates` is for tests; the panel uses the shipped list.
 */
export function translateIssue(problem: string, lang: Lang, templates: readonly IssueTemplate[] = ISSUE_TEMPLATES): IssueTranslation {
  const templateIds: string[] = [];
  let complete = true;

  const render = (text: string, depth: number): string | undefined => {
    if (text.length > MAX_PROBLEM_CHARS || depth > MAX_DEPTH) return undefined;
    const found = firstMatch(text, templates);
    if (!found) return undefined;
    templateIds.push(found.template.id);
    const ctx: IssueRenderContext = {
      lang,
      phrase: (part) => {
        const rendered = render(part, depth + 1);
        if (rendered === undefined) complete = false;
        return rendered ?? part;
      },
      noun: (word) => {
        const known = ISSUE_NOUNS[word];
        if (known) return known[lang];
        // Page labels (物流服务, 券后) and data field names are carried over as they are.
        if (!CJK.test(word) && !looksLikeDataField(word)) complete = false;
        return word;
      },
      unit: (unit) => ((UNITS as readonly string[]).includes(unit) ? unitName(unit as Unit, lang) : unit),
      priceKind: (kind) => ((PRICE_KINDS as readonly string[]).includes(kind) ? priceKindName(kind as Price['kind'], lang) : kind),
      list: (items) => (lang === 'zh' ? items.replace(/, /g, '、') : items),
      incomplete: () => {
        complete = false;
      },
    };
    const own = lang === 'zh' ? found.template.zh : found.template.en;
    // English is the adapter's own sentence unless the template says otherwise.
    return own === undefined ? text : fill(own, found.match, ctx);
  };

  const rendered = render(problem, 0);
  if (rendered === undefined) {
    return { text: `${UNKNOWN_ISSUE_LEAD[lang]}${problem}`, templateIds: [], complete: false };
  }
  return { text: rendered, templateIds, complete };
}

/** The problem sentence in `lang`; an unknown one as written behind 未能读取：. */
export function issueText(problem: string, lang: Lang): string {
  return translateIssue(problem, lang).text;
}

/**
 * The name of an issue's field in `lang` (`listing.price` → 价格, `items[2].metrics.buyers` →
 * 商品明细 · 支付买家数), or undefined for a field it does not know. Row indices are left to
 * the field id shown beside the name: adapters count them differently.
 */
export function issueFieldName(field: string, lang: Lang): string | undefined {
  const path = field.replace(/\[\d+\]/g, '');
  const named = ISSUE_FIELD_NAMES[path];
  if (named) return named[lang];
  const metric = /^(?:(.+)\.)?metrics\.(\w+)$/.exec(path);
  if (!metric) return undefined;
  const name = metricName(metric[2]!, lang);
  if (!name) return undefined;
  const parent = metric[1] === undefined ? undefined : ISSUE_FIELD_NAMES[metric[1]]?.[lang];
  if (metric[1] !== undefined && parent === undefined) return undefined;
  return parent ? `${parent} · ${name}` : name;
}
