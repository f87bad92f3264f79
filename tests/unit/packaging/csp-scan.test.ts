import { describe, expect, it } from 'vitest';
import { inlineCodeInHtml, stringToCodeUses, unexplainedStringToCodeUses, vendoredEvalSitesIn } from '../../../lib/packaging/csp-scan';

describe('stringToCodeUses', () => {
  it.each<[string, string, string[]]>([
    ['direct eval', 'var a=1;eval(s);', ['eval(']],
    ['eval with a space', 'x=eval (s)', ['eval(']],
    ['indirect eval', 'x=(0,eval)(s)', ['indirect eval']],
    ['new Function', 'const f=new Function("a","return a")', ['new Function']],
    ['Function called without new', 'var g=Function("return this")()', ['Function(']],
    ['the constructor aliased, then new', 'const n=Function;return new n("")', ['Function constructor alias']],
    ['aliased in a declaration list', 'compile(){const t=Function,n=1}', ['Function constructor alias']],
    ['setTimeout with a string', 'setTimeout("alert(1)",10)', ['setTimeout/setInterval with a string']],
    ['setInterval with a template', 'setInterval(`tick()`,10)', ['setTimeout/setInterval with a string']],
    ['a method named eval', 'parser.eval(x)', []],
    ['a property ending in Function', 'this._tickFormatFunction(e,u)', []],
    ['Function( inside a template string', 'return `Function(${r})`', []],
    ['a typeof check', 'typeof f=="function"', []],
    ['setTimeout with a callback', 'setTimeout(()=>run(),10)', []],
    ['an identifier containing eval', 'retrieval(x);medieval (y)', []],
  ])('%s', (_name, code, rules) => {
    expect(stringToCodeUses(code).map((finding) => finding.rule)).toEqual(rules);
  });

  it('reports where and what, in order', () => {
    const [first, second] = stringToCodeUses('a();eval(x);b();new Function("y")');
    expect(first).toMatchObject({ rule: 'eval(', index: 4 });
    expect(first!.snippet).toContain('eval(x)');
    expect(second).toMatchObject({ rule: 'new Function' });
  });
});

describe('vendored zod sites', () => {
  const ZOD_PROBE = 'const Ke=R(()=>{if(typeof navigator<"u"&&navigator.userAgent.includes("Cloudflare"))return!1;try{const n=Function;return new n(""),!0}catch{return!1}});';
  const ZOD_COMPILE = 'class Doc{compile(){const t=Function,n=this.args;return new t(...n,this.content.join("\\n"))}}';

  it('explains zod’s probe and compiler and nothing else', () => {
    expect(stringToCodeUses(ZOD_PROBE + ZOD_COMPILE)).toHaveLength(2);
    expect(unexplainedStringToCodeUses(ZOD_PROBE + ZOD_COMPILE)).toEqual([]);
    expect(vendoredEvalSitesIn(ZOD_PROBE + ZOD_COMPILE)).toEqual(['zod 4 (allowsEval probe)', 'zod 4 (Doc.compile, JIT object parsers)']);
  });

  it('still reports our own eval beside them', () => {
    const unexplained = unexplainedStringToCodeUses(`${ZOD_PROBE}function mine(s){return eval(s)}${ZOD_COMPILE}`);
    expect(unexplained.map((finding) => finding.rule)).toEqual(['eval(']);
  });

  it('does not explain a look-alike that is not zod’s exact shape', () => {
    expect(unexplainedStringToCodeUses('const n=Function;return new n(userCode)').map((finding) => finding.rule)).toEqual(['Function constructor alias']);
    expect(vendoredEvalSitesIn('const x=1')).toEqual([]);
  });
});

describe('inlineCodeInHtml', () => {
  it.each<[string, string, string[]]>([
    ['a module script with src', '<script type="module" crossorigin src="/chunks/a.js"></script>', []],
    ['a stylesheet and modulepreload', '<link rel="modulepreload" href="/chunks/b.js"><link rel="stylesheet" href="/a.css">', []],
    ['an inline script', '<script>alert(1)</script>', ['inline <script> (no src)']],
    ['an empty inline script', '<script type="module"></script>', ['inline <script> (no src)']],
    ['a data-src is not a src', '<script data-src="/a.js">go()</script>', ['inline <script> (no src)']],
    ['a script with src and a body', '<script src="/a.js">go()</script>', ['<script src> with inline code']],
    ['an onload handler', '<body onload="init()"><div id="root"></div></body>', ['event handler attribute']],
    ['an onclick across lines', '<button\n  type="button"\n  onclick="x()">', ['event handler attribute']],
    ['a javascript: link', '<a href="javascript:void(0)">x</a>', ['javascript: URL']],
    ['text that mentions onclick=', '<p>use onclick= never</p>', []],
  ])('%s', (_name, html, rules) => {
    expect(inlineCodeInHtml(html).map((finding) => finding.rule)).toEqual(rules);
  });
});
