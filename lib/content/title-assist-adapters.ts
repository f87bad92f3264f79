/**
 * The listing-editor adapters the title assistant runs for, listed directly rather than taken
 * from the registry: the assistant is its own content script on editor hosts only
 * (entrypoints/title-assist.content.ts), and importing the registry would pull every adapter
 * into it. tests/unit/content/title-assist-adapters.test.ts checks this list is exactly the
 * registry's `editor` adapters, so a new editor adapter cannot be forgotten here.
 */
import { fxgEditorAdapter } from '../adapters/douyin/editor';
import { pddGoodsEditorAdapter } from '../adapters/pinduoduo/goods-editor';
import { taobaoEditorAdapter } from '../adapters/taobao/editor';
import type { PageAdapter } from '../adapters/types';

export const EDITOR_ADAPTERS: readonly PageAdapter[] = [taobaoEditorAdapter, pddGoodsEditorAdapter, fxgEditorAdapter];

/** Match patterns of the editor hosts, each once (the assistant's `matches`). */
export const EDITOR_HOST_PATTERNS: string[] = [...new Set(EDITOR_ADAPTERS.flatMap((adapter) => adapter.hosts))].sort();
