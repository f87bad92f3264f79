/**
 * The live title assistant (lib/content/title-assist.ts) on the Taobao publish fixture, in jsdom:
 * where it goes, the counter and warnings following the typing, page text kept as text, the
 * shared overlays switch, the language chosen in the panel, and pages that are not editors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ADAPTERS } from '../../../lib/adapters/registry';
import { documentFromHtml } from '../../../lib/cli/load-document';
import {
  ASSIST_LENGTH_ATTR,
  ASSIST_SEVERITY_ATTR,
  ASSIST_TAG,
  assistShadowRoot,
  findTitleField,
  pageCounterText,
  startTitleAssist,
  type TitleAssist,
} from '../../../lib/content/title-assist';
import { LANG_STORAGE_KEY } from '../../../lib/i18n/lang';
import { OVERLAYS_ENABLED_KEY } from '../../../lib/settings/keys';

const FIXTURE = join(__dirname, '../../fixtures/taobao/editor-publish.html');
const EDITOR_URL = 'https://item.upload.taobao.com/sell/v2/publish.htm?catId=50000671';
const LISTING_URL = 'https://item.taobao.com/item.htm?id=712345678901';

function loadEditor(): Document {
  return documentFromHtml(readFileSync(FIXTURE, 'utf8'), new URL(EDITOR_URL));
}

describe('finding the title field', () => {
  it('finds the input by its label and the page’s own counter beside it, not the selling point’s', () => {
    const doc = loadEditor();
    const field = findTitleField(doc, 'taobao')!;
    expect(field.control.getAttribute('name')).toBe('title');
    expect(pageCounterText(field.item)).toBe('0/60');
  });

  it('finds nothing on a page without a title field', () => {
    const doc = documentFromHtml('<div><label>宝贝卖点</label><textarea></textarea></div>', new URL(EDITOR_URL));
    expect(findTitleField(doc, 'taobao')).toBeUndefined();
  });
});

describe('the assistant in the content script', () => {
  let doc: Document;
  let url: string;
  let assist: TitleAssist | undefined;
  const pending: Array<() => void> = [];

  function start() {
    assist = startTitleAssist({
      document: doc,
      currentUrl: () => url,
      adapters: ADAPTERS,
      storage: fakeBrowser.storage,
      timers: { setTimeout: (handler) => pending.push(handler), clearTimeout: () => undefined },
      log: () => undefined,
    });
    return assist;
  }

  /** Lets the storage read, mutation records and the debounce timers run. */
  async function settle() {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      while (pending.length > 0) pending.shift()!();
    }
  }

  const input = () => doc.querySelector<HTMLInputElement>('input[name="title"]')!;
  const hosts = () => Array.from(doc.querySelectorAll(ASSIST_TAG));
  const root = () => assistShadowRoot(hosts()[0]!)!;

  async function type(text: string) {
    input().value = text;
    input().dispatchEvent(new doc.defaultView!.Event('input', { bubbles: true }));
    await settle();
  }

  beforeEach(() => {
    doc = loadEditor();
    url = EDITOR_URL;
    pending.length = 0;
  });

  afterEach(() => {
    assist?.stop();
    assist = undefined;
  });

  it('puts one panel right after the title input, with an empty light DOM', async () => {
    start();
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(input().nextElementSibling).toBe(hosts()[0]);
    expect(hosts()[0]!.textContent).toBe('');
    expect(hosts()[0]!.shadowRoot).toBe(root());
    expect(hosts()[0]!.getAttribute(ASSIST_LENGTH_ATTR)).toBe('0/60');
  });

  it('updates the counter as the operator types (debounced), against the page counter’s limit', async () => {
    start();
    await settle();
    input().value = '保温杯';
    input().dispatchEvent(new doc.defaultView!.Event('input'));
    // Not before the debounce ran.
    expect(hosts()[0]!.getAttribute(ASSIST_LENGTH_ATTR)).toBe('0/60');
    await settle();
    expect(hosts()[0]!.getAttribute(ASSIST_LENGTH_ATTR)).toBe('6/60');
    expect(root().querySelector('.count')!.textContent).toBe('标题 6/60');
    expect(root().textContent).toContain('还能写 54 个字符');
    expect(root().textContent).toContain('上限取自页面计数器');

    await type('316不锈钢保温杯女士大容量便携水杯');
    // Three ASCII digits count 1 each, fifteen CJK characters 2 each.
    expect(root().querySelector('.count')!.textContent).toBe(`标题 ${3 + 2 * 15}/60`);
  });

  it('shows forbidden and risky words as they are typed, most severe first', async () => {
    start();
    await settle();
    await type('保温杯女士大容量');
    expect(hosts()[0]!.getAttribute(ASSIST_SEVERITY_ATTR)).toBe('none');
    expect(root().textContent).toContain('没有发现禁用词或风险词');

    await type('顶级保温杯 永久不褪色');
    const items = Array.from(root().querySelectorAll('li'));
    expect(items.map((li) => li.className)).toEqual(['error', 'warning']);
    expect(items[0]!.getAttribute('data-rule')).toBe('word.absolute');
    expect(items[0]!.textContent).toContain('顶级');
    expect(hosts()[0]!.getAttribute(ASSIST_SEVERITY_ATTR)).toBe('error');
  });

  it('says where the limit cuts a long title, in English when the operator chose English', async () => {
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    start();
    await settle();
    // 31 CJK characters: 62 units, the last one past the limit.
    const long = '冰丝阔腿裤女夏季薄款高腰垂感直筒休闲裤女装九分长裤宽松显瘦百搭';
    expect([...long]).toHaveLength(31);
    await type(long);
    expect(root().querySelector('.count')!.textContent).toBe('Title 62/60');
    expect(root().querySelector('.head .over:not(.count)')!.textContent).toBe('2 units over: “搭” is cut');
    expect(hosts()[0]!.getAttribute(ASSIST_SEVERITY_ATTR)).toBe('error');
  });

  it.each([
    ['en', 'Title 6/60', '54 units left'],
    ['zh', '标题 6/60', '还能写 54 个字符'],
    ['en-GB', '标题 6/60', '还能写 54 个字符'],
    [7, '标题 6/60', '还能写 54 个字符'],
    [undefined, '标题 6/60', '还能写 54 个字符'],
  ] as const)('the stored choice %j shows “%s”, whatever the browser speaks', async (stored, count, room) => {
    expect(navigator.language).toMatch(/^en/); // jsdom's browser speaks English: the Chinese cases do not follow it
    if (stored !== undefined) await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: stored });
    start();
    await settle();
    await type('保温杯');
    expect(root().querySelector('.count')!.textContent).toBe(count);
    expect(root().textContent).toContain(room);
  });

  it('redraws the counter and warnings in the new language when the operator switches, without retyping', async () => {
    start();
    await settle();
    await type('顶级保温杯');
    expect(root().querySelector('.count')!.textContent).toBe('标题 10/60');
    const zhWarning = root().querySelector('li')!.textContent;
    expect(root().querySelector('.foot')!.textContent).toBe('店镜 · 完整检查和关键词建议在侧边栏');

    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    expect(hosts()).toHaveLength(1);
    expect(root().querySelector('.count')!.textContent).toBe('Title 10/60');
    expect(root().querySelector('.foot')!.textContent).toBe('ShopLens · full check and keyword ideas in the side panel');
    const enWarning = root().querySelector('li')!.textContent;
    expect(enWarning).not.toBe(zhWarning);
    expect(root().querySelector('li')!.getAttribute('data-rule')).toBe('word.absolute');

    // A value that is no language: back to the default.
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'klingon' });
    expect(root().querySelector('.count')!.textContent).toBe('标题 10/60');
    expect(root().querySelector('li')!.textContent).toBe(zhWarning);
  });

  it('a switch while switched off shows the new language when the overlays come back', async () => {
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: false });
    start();
    await settle();
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    await settle();
    expect(hosts()).toEqual([]);
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: true });
    await settle();
    expect(root().querySelector('.count')!.textContent).toBe('Title 0/60');
  });

  it('keeps hostile page text as text', async () => {
    start();
    await settle();
    const hostile = `${'女'.repeat(30)}<img src=x onerror="window.hacked=1">`;
    await type(hostile);
    expect(root().querySelector('img')).toBeNull();
    expect(root().textContent).toContain('<img src=x onerror="window.hacked=1">');
    expect((doc.defaultView as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('draws nothing while overlays are switched off, and follows the shared switch both ways', async () => {
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: false });
    start();
    await settle();
    expect(hosts()).toEqual([]);

    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: true });
    await settle();
    expect(hosts()).toHaveLength(1);
    await fakeBrowser.storage.local.set({ [OVERLAYS_ENABLED_KEY]: false });
    await settle();
    expect(hosts()).toEqual([]);
    // Typing while switched off draws nothing.
    await type('顶级保温杯');
    expect(hosts()).toEqual([]);
  });

  it('does nothing on pages that are not listing editors, and leaves when the address changes to one', async () => {
    url = LISTING_URL;
    const controller = start();
    await settle();
    expect(hosts()).toEqual([]);
    url = EDITOR_URL;
    controller.locationChanged();
    await settle();
    expect(hosts()).toHaveLength(1);
    url = LISTING_URL;
    controller.locationChanged();
    await settle();
    expect(hosts()).toEqual([]);
  });

  it('finds a title field the single-page editor renders late, and puts the panel back when the page drops it', async () => {
    const form = doc.getElementById('struct-title')!;
    const parent = form.parentElement!;
    form.remove();
    start();
    await settle();
    expect(hosts()).toEqual([]);
    parent.append(form);
    await settle();
    expect(hosts()).toHaveLength(1);

    hosts()[0]!.remove();
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(input().nextElementSibling?.tagName.toLowerCase()).toBe(ASSIST_TAG);
  });

  it('removes everything and stops listening when stopped', async () => {
    const controller = start();
    await settle();
    controller.stop();
    expect(hosts()).toEqual([]);
    await type('顶级保温杯');
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    await settle();
    expect(hosts()).toEqual([]);
  });
});
