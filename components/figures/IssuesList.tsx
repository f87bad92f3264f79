/**
 * What the adapter could not read, each with the field and why: ShopLens leaves a figure out
 * rather than show it wrong, and says so here.
 */
import type { CaptureIssue } from '../../lib/capture/schema';
import { useI18n } from '../../lib/i18n/react';

export function IssuesList({ issues }: { issues: readonly CaptureIssue[] }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <section className="issues">
      <h2 className="section-heading">{t('issues.heading')}</h2>
      <p className="muted">{t('issues.intro')}</p>
      <ul className="issue-list" data-testid="issues-list">
        {issues.map((issue, index) => (
          <li key={`${issue.field}-${index}`} className="issue" data-testid="issue" data-field={issue.field}>
            <code className="issue-field">{issue.field}</code> <span className="issue-problem">{issue.problem}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
