import { Badge } from '@/components/ui';
import { firstName } from '@/lib/format';
import type { Questionnaire } from '../api/get-questionnaire';
import { SUBJECT_TO_RATER } from '../utils/words';
import { PersonLine } from './PersonLine';
import { FormattedMessage } from 'react-intl';
import { useT } from '@/i18n';

/** Who is being rated, how they relate to me, how the scale works, and who sees my answers in this cycle. */
export function QuestionnaireIntro({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const self = q.relationship === 'self';
  const name = firstName(q.subject.name);
  const t = useT();
  const relation = self ? t('intro.self') : t('intro.relation', { name, relation: t(SUBJECT_TO_RATER[q.relationship]) });
  return (
    <section className="q-intro card" aria-label={t('intro.label')}>
      <div className="q-intro__who">
        <PersonLine person={q.subject} />
        <Badge tone="accent">{relation}</Badge>
      </div>
      <div className="q-intro__how">
        <p>
          <FormattedMessage
            id="intro.how"
            values={{ notObserved: q.scale.notObservedLabel, strong: (chunks) => <strong>{chunks}</strong>, em: (chunks) => <em>{chunks}</em> }}
          />
        </p>
        <p className="muted">{t('intro.noRightAnswers')}</p>
        <p className="q-intro__audience">
          <strong>{t('intro.whoSees')}</strong> {q.answerAudience.explanation}
        </p>
      </div>
    </section>
  );
}
