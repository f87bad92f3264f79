/**
 * The risk-control signs are data (lib/watch/risk-signs.ts): this lints them, and pins which
 * pages they catch and which normal pages they leave alone.
 */
import { describe, expect, it } from 'vitest';
import { knownEvidence, RISK_ADDRESS_PARTS, RISK_CONTAINERS, RISK_KINDS, RISK_PHRASES, riskSignOfAddress, riskSignOfText } from '../../../lib/watch/risk-signs';

const phrases = RISK_PHRASES.flatMap((entry) => entry.phrases);
const parts = RISK_ADDRESS_PARTS.map((entry) => entry.part);
const selectors = RISK_CONTAINERS.map((entry) => entry.selector);

describe('the word list (lint)', () => {
  it.each([
    ['phrases', phrases],
    ['address parts', parts],
    ['selectors', selectors],
  ])('%s: non-empty, trimmed, without repeats', (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) expect(item, item).toBe(item.trim());
    for (const item of list) expect(item.length, item).toBeGreaterThan(0);
    expect(new Set(list).size).toBe(list.length);
  });

  it('Latin phrases and address parts are lower case (they are matched in lower-cased text)', () => {
    for (const item of [...phrases, ...parts]) expect(item, item).toBe(item.toLowerCase());
  });

  it('holds the signs the product promises to stop at', () => {
    for (const word of ['验证码', '安全验证', '滑块', '操作过于频繁', 'captcha', 'slider']) expect(phrases).toContain(word);
  });

  it('every kind used is a known kind; every selector is valid CSS', () => {
    for (const entry of [...RISK_PHRASES, ...RISK_ADDRESS_PARTS, ...RISK_CONTAINERS]) expect(RISK_KINDS).toContain(entry.kind);
    for (const selector of selectors) expect(() => document.querySelector(selector), selector).not.toThrow();
  });

  it('no phrase hides inside another of an earlier kind (the first match decides the kind)', () => {
    const ordered = RISK_PHRASES.flatMap((entry) => entry.phrases.map((phrase) => ({ kind: entry.kind, phrase })));
    for (const later of ordered) {
      const earlier = ordered.find((e) => e.kind !== later.kind && later.phrase.includes(e.phrase) && ordered.indexOf(e) < ordered.indexOf(later));
      expect(earlier, `${later.phrase} is caught as ${earlier?.kind} first`).toBeUndefined();
    }
  });

  it('the evidence a message may carry is exactly the lists', () => {
    expect(knownEvidence()).toEqual(new Set([...phrases, ...parts, ...selectors]));
  });
});

describe('signs', () => {
  it.each([
    ['https://item.taobao.com/item.htm/_____tmd_____/punish?x5secdata=abc', 'captcha'],
    ['https://login.taobao.com/member/login.jhtml?redirectURL=https%3A%2F%2Fitem.taobao.com', 'login'],
    ['https://passport.jd.com/new/login.aspx?ReturnUrl=x', 'login'],
    ['https://mobile.yangkeduo.com/login.html?from=goods', 'login'],
    ['https://mobile.yangkeduo.com/psnl_verification.html?x=1', 'captcha'],
    ['https://item.taobao.com/item.htm?id=617129397971', undefined],
    ['https://item.jd.com/100066896338.html', undefined],
  ])('address %s → %s', (url, kind) => {
    expect(riskSignOfAddress(url)?.kind).toBe(kind);
  });

  it.each([
    ['请拖动滑块完成验证', 'slider'],
    ['为了您的账号安全，请输入验证码', 'captcha'],
    ['亲，访问被拒绝：操作过于频繁，请稍后再试', 'tooFrequent'],
    ['Please slide to verify', 'slider'],
    ['CAPTCHA', 'captcha'],
    // A normal listing, logged out: the top bar says 亲，请登录 on every page. Not a sign.
    ['亲，请登录 免费注册 保温杯 316不锈钢 券后 ¥143.50 月销 3000+ 有货 加入购物车', undefined],
  ])('text %s → %s', (text, kind) => {
    expect(riskSignOfText(text)?.kind).toBe(kind);
  });
});
