/** The release's problems before it goes out: blocking ones first, each in the user's language. */
import { useTranslation } from 'react-i18next';

/** A problem as preflight reports it, whether found here or by the core. */
interface Problem {
  code: string;
  severity: 'blocking' | 'warning';
  field: string;
  message: string;
  params?: Record<string, string> | undefined;
}

export const PreflightList = ({ problems }: { problems: readonly Problem[] }) => {
  const { t } = useTranslation();
  if (problems.length === 0) return <p className="check ok">{t('publish.readyToGo')}</p>;
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1,
  );
  return (
    <ul className="preflight" aria-label={t('publish.problems')}>
      {sorted.map((problem) => (
        <li key={`${problem.code}:${problem.field}`} className={problem.severity}>
          <span className="badge">{t(`publish.severity.${problem.severity}`)}</span>{' '}
          <span dir="auto">
            {t(`preflight.${problem.code}`, { ...problem.params, defaultValue: problem.message })}
          </span>
        </li>
      ))}
    </ul>
  );
};
