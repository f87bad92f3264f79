/**
 * What a marketplace's risk control looks like on a page: the words of its verification and
 * throttling pages, the address parts of its punish and login redirects, and the containers its
 * captcha and slider widgets draw into. Data only, linted by tests/unit/watch/risk-signs.test.ts
 * (non-empty, trimmed, no repeats, Latin words in lower case, every selector valid).
 *
 * The background refresh (./refresh.ts, lib/background/refresh.ts) stops at the first of these
 * on a page it opened. A false alarm only pauses the refresh until the operator turns it on
 * again; a missed sign would keep reopening pages under risk control. So when in doubt a sign
 * goes in — except words every normal listing shows (the 亲，请登录 link in Taobao's top bar is on
 * every page of a logged-out visitor: a login wall is told by its address instead).
 *
 * Content-script code (lib/content/risk-probe.ts): no imports.
 */

export type RiskKind =
  /** A captcha or verification page (验证码, 安全验证, a punish page). */
  | 'captcha'
  /** A slider or puzzle to drag (滑块). */
  | 'slider'
  /** A throttling message (操作过于频繁). */
  | 'tooFrequent'
  /** A redirect to a login page. */
  | 'login'
  /** The page left for an address ShopLens cannot read (a login or verification host). */
  | 'redirect'
  /** Several pages in a row gave no figures: something is in the way without saying what. */
  | 'noFigures';

export const RISK_KINDS = ['captcha', 'slider', 'tooFrequent', 'login', 'redirect', 'noFigures'] as const satisfies readonly RiskKind[];

export interface RiskSign {
  kind: RiskKind;
  /** The phrase, address part or container that gave it away (always one of the lists below). */
  evidence: string;
}

/** Words a risk-control page shows, by kind; matched case-insensitively in the title and visible text. */
export const RISK_PHRASES: readonly { kind: RiskKind; phrases: readonly string[] }[] = [
  {
    kind: 'slider',
    phrases: ['滑块', '向右滑动', '拖动滑块', '请按住滑块', '拖动下方拼图', '完成拼图验证', 'slide to verify', 'slider'],
  },
  {
    kind: 'captcha',
    phrases: ['验证码', '安全验证', '人机验证', '请完成验证', '身份验证', '请进行验证', '访问验证', 'captcha', 'nocaptcha'],
  },
  {
    kind: 'tooFrequent',
    phrases: ['操作过于频繁', '访问过于频繁', '请求过于频繁', '访问频繁', '稍后再试', '系统繁忙', 'too many requests', 'unusual traffic'],
  },
];

/** Address parts of risk-control and login redirects; matched case-insensitively in the full address. */
export const RISK_ADDRESS_PARTS: readonly { kind: RiskKind; part: string }[] = [
  { kind: 'captcha', part: '/punish' }, // Taobao/Tmall: /_____tmd_____/punish?x5secdata=…
  { kind: 'captcha', part: '_____tmd_____' },
  { kind: 'captcha', part: 'x5sec' },
  { kind: 'captcha', part: 'captcha' },
  { kind: 'captcha', part: 'verifycenter' }, // Douyin / ByteDance verification centre
  { kind: 'captcha', part: 'psnl_verification' }, // Pinduoduo's verification page
  { kind: 'captcha', part: 'risk_handler' }, // JD's risk redirect
  { kind: 'login', part: 'login.taobao.com' },
  { kind: 'login', part: 'login.tmall.com' },
  { kind: 'login', part: 'passport.jd.com' },
  { kind: 'login', part: 'mobile.yangkeduo.com/login' },
  { kind: 'login', part: 'sso.douyin.com' },
];

/** Containers captcha and slider widgets draw into; a visible one is a sign. */
export const RISK_CONTAINERS: readonly { kind: RiskKind; selector: string }[] = [
  { kind: 'slider', selector: '#nc_1_wrapper' }, // Alibaba NoCaptcha slider (Taobao, Tmall)
  { kind: 'slider', selector: '#nocaptcha' },
  { kind: 'slider', selector: '.nc-container' },
  { kind: 'captcha', selector: '#baxia-dialog-content' }, // Alibaba baxia dialog over a page
  { kind: 'captcha', selector: '.J_MIDDLEWARE_FRAME_WIDGET' },
  { kind: 'captcha', selector: 'iframe[src*="punish"]' },
  { kind: 'captcha', selector: 'iframe[src*="captcha"]' },
  { kind: 'slider', selector: '.JDJRV-suspend-slide' }, // JD puzzle slider
  { kind: 'captcha', selector: '#captcha_container' }, // ByteDance verification (Douyin)
  { kind: 'captcha', selector: '.captcha_verify_container' },
  { kind: 'slider', selector: '.geetest_panel' }, // GeeTest, used by several sites
  { kind: 'captcha', selector: '.yidun_modal' }, // NetEase Yidun
];

/** The first sign of risk control in an address, or undefined. */
export function riskSignOfAddress(url: string): RiskSign | undefined {
  const address = url.toLowerCase();
  for (const { kind, part } of RISK_ADDRESS_PARTS) if (address.includes(part.toLowerCase())) return { kind, evidence: part };
  return undefined;
}

/** The first sign of risk control in a page's title and visible text, or undefined. */
export function riskSignOfText(text: string): RiskSign | undefined {
  const lower = text.toLowerCase();
  for (const { kind, phrases } of RISK_PHRASES) {
    for (const phrase of phrases) if (lower.includes(phrase.toLowerCase())) return { kind, evidence: phrase };
  }
  return undefined;
}

/** Every phrase, address part and selector: the only evidence a risk-signal message may carry. */
export function knownEvidence(): Set<string> {
  return new Set([
    ...RISK_PHRASES.flatMap((entry) => entry.phrases),
    ...RISK_ADDRESS_PARTS.map((entry) => entry.part),
    ...RISK_CONTAINERS.map((entry) => entry.selector),
  ]);
}
