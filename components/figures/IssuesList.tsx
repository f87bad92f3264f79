/**
 * What the adapter could not read, each with the field and why: ShopLens leaves a figure out
 * rather than show it wrong, and says so here.
 */
import type { CaptureIssue } from '../../lib/capture/schema';
import { issueFieldName, issueText } from '../../lib/i18n/issue-text';
import { useI18n } from '../../lib/i18n/react';

export function IssuesList({ issues }: { issues: readonly CaptureIssue[] }) {
  const { t, lang } = useI18n();
  if (issues.length === 0) return null;
  return (
    <section className="issues">
      <h2 className="section-heading">{t('issues.heading')}</h2>
      <p className="muted">{t('issues.intro')}</p>
      <ul className="issue-list" data-testid="issues-list">
        {issues.map((issue, index) => {
          // The adapter's sentence in the operator's language; the sentence as written stays on hover.
          const name = issueFieldName(issue.field, lang);
          const problem = issueText(issue.problem, lang);
          return (
            <li key={`${issue.field}-${index}`} className="issue" data-testid="issue" data-field={issue.field}>
              {name ? <span className="issue-field-name">{name}</span> : null} <code className="issue-field">{issue.field}</code>{' '}
              <span className="issue-problem" title={problem === issue.problem ? undefined : issue.problem}>
                {problem}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
