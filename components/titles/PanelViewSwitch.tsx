/**
 * The header switch between what the panel shows about the page in view and the Title tools
 * (paste any title, pick a platform). Stable hooks: panel-view-page, panel-view-titles.
 */
import { useI18n } from '../../lib/i18n/react';
import './titles-view.css';

export type PanelView = 'page' | 'titles';

export function PanelViewSwitch({ view, onChange }: { view: PanelView; onChange(view: PanelView): void }) {
  const { t } = useI18n();
  return (
    <div className="panel-views" role="group" aria-label={t('panel.view.label')}>
      <button type="button" data-testid="panel-view-page" aria-pressed={view === 'page'} onClick={() => onChange('page')}>
        {t('panel.view.page')}
      </button>
      <button type="button" data-testid="panel-view-titles" aria-pressed={view === 'titles'} onClick={() => onChange('titles')}>
        {t('panel.view.titles')}
      </button>
    </div>
  );
}
