import { describe, expect, it } from 'vitest';
import { findEmbeddedJson, findJsonObject } from '../../../lib/adapters/embedded-json';
import { arrayAt, booleanAt, isRecord, numberAt, recordAt, textAt, valueAt } from '../../../lib/adapters/json-reader';
import { documentFromHtml } from '../../../lib/cli/load-document';

const withLoaderData = (value: unknown) => recordAt(value, 'loaderData');

describe('findJsonObject', () => {
  it.each([
    ['direct assignment', 'window.__X__ = {"loaderData":{"a":1}};', { a: 1 }],
    ['wrapper function', '!(function(){var a = window.__X__ || {};var b = {"loaderData":{"a":2}};for (var k in a) {b[k]=a[k]}})();', { a: 2 }],
    ['braces and quotes inside strings', 'var s = "{not json}"; var o = {"t":"a}b{\\"c","loaderData":{"a":3}};', { a: 3 }],
    ['a JavaScript literal around the JSON', 'var o = {ctx: {"loaderData":{"a":4}}, f: function () { return 1; }};', { a: 4 }],
    ['single-quoted strings before it', "var s = '{\"loaderData\":0'; x = {\"loaderData\":{\"a\":5}};", { a: 5 }],
  ])('finds the object in a %s', (_case, source, expected) => {
    expect(findJsonObject(source, '"loaderData"', withLoaderData)).toEqual(expected);
  });

  it.each([
    ['no marker', 'var o = {"other":{"a":1}};'],
    ['unbalanced braces', 'var o = {"loaderData":{"a":1};'],
    ['an unterminated string', 'var o = {"loaderData":{"a":"1}};'],
    ['invalid JSON only', 'var o = {loaderData: {a: 1}};'],
    ['a marker only inside a string', 'var s = "{\\"loaderData\\":{}}";'],
  ])('finds nothing with %s', (_case, source) => {
    expect(findJsonObject(source, '"loaderData"', withLoaderData)).toBeUndefined();
  });

  it('stays fast on hostile input (many unbalanced braces)', () => {
    const source = `${'{"loaderData":'.repeat(30_000)}`;
    const started = Date.now();
    expect(findJsonObject(source, '"loaderData"', withLoaderData)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stays fast on deeply nested objects none of which is accepted', () => {
    const depth = 5_000;
    const source = `x = ${'{"loaderData":'.repeat(depth)}1${'}'.repeat(depth)};`;
    const started = Date.now();
    expect(findJsonObject(source, '"loaderData"', () => undefined)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('never runs the script', () => {
    (globalThis as Record<string, unknown>).__ranByTest = false;
    findJsonObject('globalThis.__ranByTest = true; x = {"loaderData":{"a":1}};', '"loaderData"', withLoaderData);
    expect((globalThis as Record<string, unknown>).__ranByTest).toBe(false);
  });
});

describe('findEmbeddedJson', () => {
  const url = new URL('https://detail.tmall.com/item.htm?id=1');
  it('reads inline scripts only, and only those with the marker', () => {
    const doc = documentFromHtml(
      `<script src="https://evil.example/x.js">window.__ICE__ = {"loaderData":{"a":"src"}};</script>
       <script>var other = {"loaderData":{"a":"no marker"}};</script>
       <script>window.__ICE__ = {"loaderData":{"a":"inline"}};</script>`,
      url,
    );
    expect(findEmbeddedJson(doc, '__ICE__', '"loaderData"', withLoaderData)).toEqual({ a: 'inline' });
  });
});

describe('json-reader', () => {
  const data = JSON.parse(
    '{"a":{"b":{"t":" x ","n":13,"s":"2990","neg":"-1.5","bad":"12abc","e":"","tf":"true","f":false,"arr":[1]}},"__proto__":{"polluted":1}}',
  );

  it.each([
    [['a', 'b', 't'], ' x '],
    [['a', 'missing'], undefined],
    [['a', 'b', 't', 'deeper'], undefined],
    [['constructor'], undefined],
    [['toString'], undefined],
  ])('valueAt %j', (path, expected) => {
    expect(valueAt(data, ...path)).toBe(expected);
  });

  it('reads own properties only (a page cannot reach Object.prototype)', () => {
    expect(valueAt(data, '__proto__', 'polluted')).toBe(1); // an own key from JSON.parse, harmless
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(valueAt({}, 'hasOwnProperty')).toBeUndefined();
  });

  it.each([
    ['t', 'x'],
    ['n', '13'],
    ['e', undefined],
    ['f', undefined],
    ['arr', undefined],
  ])('textAt %s', (key, expected) => {
    expect(textAt(data, 'a', 'b', key)).toBe(expected);
  });

  it.each([
    ['n', 13],
    ['s', 2990],
    ['neg', -1.5],
    ['bad', undefined],
    ['e', undefined],
    ['t', undefined],
  ])('numberAt %s', (key, expected) => {
    expect(numberAt(data, 'a', 'b', key)).toBe(expected);
  });

  it('booleanAt, recordAt, arrayAt, isRecord', () => {
    expect(booleanAt(data, 'a', 'b', 'tf')).toBe(true);
    expect(booleanAt(data, 'a', 'b', 'f')).toBe(false);
    expect(booleanAt(data, 'a', 'b', 'n')).toBeUndefined();
    expect(recordAt(data, 'a', 'b', 'arr')).toBeUndefined();
    expect(arrayAt(data, 'a', 'b', 'arr')).toEqual([1]);
    expect(isRecord(null)).toBe(false);
    expect(isRecord([])).toBe(false);
  });
});
