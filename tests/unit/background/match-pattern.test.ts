import { describe, expect, it } from 'vitest';
import { InvalidMatchPatternError, matchesAnyPattern, matchesPattern, parseMatchPattern } from '../../../lib/adapters/match-pattern';

// [pattern, url, expected]: each pattern has cases on both sides of its edge.
const CASES: [string, string, boolean][] = [
  // Exact host, any path
  ['https://sycm.taobao.com/*', 'https://sycm.taobao.com/portal/home.htm', true],
  ['https://sycm.taobao.com/*', 'https://sycm.taobao.com/', true],
  ['https://sycm.taobao.com/*', 'http://sycm.taobao.com/portal/home.htm', false],
  ['https://sycm.taobao.com/*', 'https://evil-sycm.taobao.com/portal/home.htm', false],
  ['https://sycm.taobao.com/*', 'https://sycm.taobao.com.evil.example/portal/home.htm', false],
  ['https://sycm.taobao.com/*', 'https://evil.example/?u=https://sycm.taobao.com/', false],
  ['https://sycm.taobao.com/*', 'https://SYCM.TAOBAO.COM/x', true],
  // `*` scheme means http or https only
  ['*://item.taobao.com/*', 'https://item.taobao.com/item.htm?id=1', true],
  ['*://item.taobao.com/*', 'http://item.taobao.com/item.htm?id=1', true],
  ['*://item.taobao.com/*', 'ftp://item.taobao.com/item.htm', false],
  ['*://item.taobao.com/*', 'wss://item.taobao.com/socket', false],
  // Subdomain wildcard: the domain itself and every subdomain, nothing else
  ['https://*.taobao.com/*', 'https://taobao.com/', true],
  ['https://*.taobao.com/*', 'https://s.taobao.com/search?q=x', true],
  ['https://*.taobao.com/*', 'https://a.b.taobao.com/', true],
  ['https://*.taobao.com/*', 'https://nottaobao.com/', false],
  ['https://*.taobao.com/*', 'https://taobao.com.evil.example/', false],
  ['https://*/*', 'https://anything.example/', true],
  // Paths: glob over path + query, never the fragment
  ['https://item.taobao.com/item.htm*', 'https://item.taobao.com/item.htm?id=617', true],
  ['https://item.taobao.com/item.htm*', 'https://item.taobao.com/other.htm', false],
  ['https://item.taobao.com/item.htm', 'https://item.taobao.com/item.htm', true],
  ['https://item.taobao.com/item.htm', 'https://item.taobao.com/item.htm?id=1', false],
  ['https://item.taobao.com/item.htm', 'https://item.taobao.com/item.htm#frag', true],
  ['https://sycm.taobao.com/cc/*', 'https://sycm.taobao.com/cc/item_archives', true],
  ['https://sycm.taobao.com/cc/*', 'https://sycm.taobao.com/portal/home.htm', false],
  ['https://a.example/x.y', 'https://a.example/xzy', false], // dots are literal, not regex
  // Ports: no port in the pattern matches every port; an explicit port must match
  ['https://sycm.taobao.com/*', 'https://sycm.taobao.com:8443/x', true],
  ['http://localhost:8080/*', 'http://localhost:8080/x', true],
  ['http://localhost:8080/*', 'http://localhost:9090/x', false],
  ['https://a.example:443/*', 'https://a.example/x', true],
  ['http://localhost:*/*', 'http://localhost:1234/x', true],
  // Other schemes
  ['file:///*', 'file:///home/a.html', true],
  ['file:///*', 'https://a.example/', false],
  ['<all_urls>', 'https://a.example/', true],
  ['<all_urls>', 'file:///x', true],
  ['<all_urls>', 'chrome://extensions/', false],
  ['<all_urls>', 'javascript:alert(1)', false],
  // Not a URL at all
  ['https://a.example/*', 'not a url', false],
];

describe('matchesPattern', () => {
  it.each(CASES)('%s against %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
    // A URL object gives the same answer as its string.
    if (URL.canParse(url)) expect(matchesPattern(pattern, new URL(url))).toBe(expected);
  });
});

describe('parseMatchPattern rejects what Chrome rejects', () => {
  it.each([
    'sycm.taobao.com/*', // no scheme
    'https://sycm.taobao.com', // no path
    'https://*sycm.taobao.com/*', // star not followed by a dot
    'https://sycm.*.com/*', // star in the middle
    'https:///*', // no host
    'chrome://extensions/*', // scheme not allowed
    'file://host/*', // file with a host
  ])('%s', (pattern) => {
    expect(() => parseMatchPattern(pattern)).toThrow(InvalidMatchPatternError);
  });
});

describe('matchesAnyPattern', () => {
  const patterns = ['https://sycm.taobao.com/*', '*://item.taobao.com/*'];
  it.each([
    ['https://sycm.taobao.com/portal/home.htm', true],
    ['http://item.taobao.com/item.htm?id=1', true],
    ['https://detail.tmall.com/item.htm?id=1', false],
  ])('%s → %s', (url, expected) => {
    expect(matchesAnyPattern(patterns, url)).toBe(expected);
  });

  it('matches nothing with no patterns', () => {
    expect(matchesAnyPattern([], 'https://sycm.taobao.com/')).toBe(false);
  });
});
