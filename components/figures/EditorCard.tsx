/** A listing editor: the title being typed and the page's own length counter. */
import type { EditorState } from '../../lib/capture/schema';
import { useI18n } from '../../lib/i18n/react';

export function EditorCard({ editor }: { editor: EditorState }) {
  const { t } = useI18n();
  return (
    <section className="editor">
      <h2 className="section-heading">{t('editor.heading')}</h2>
      <p className="listing-title" data-testid="editor-title">
        {editor.title}
      </p>
      {editor.counter ? (
        <p className="muted">{t('editor.counter', { length: editor.counter.length, limit: editor.counter.limit })}</p>
      ) : null}
    </section>
  );
}
