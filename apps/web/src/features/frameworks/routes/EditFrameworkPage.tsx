import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { FormattedMessage } from 'react-intl';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Loading, NotFound, PageHeader, TextAreaField, TextField } from '@/components/ui';
import { useT } from '@/i18n';
import { useFramework, type FrameworkDetail } from '../api/get-framework';
import { useUpdateFramework } from '../api/update-framework';
import { BehaviourEditor } from '../components/BehaviourEditor';
import { contentOf, draftOf, LIMITS, newBehaviour, newOpenQuestion, type FrameworkDraft } from '../components/framework-draft';
import '../frameworks.css';

/** The API's field messages are English: these complete them in the same language. */
const FIELD_WORDS: Record<string, string> = {
  text: 'The text', // i18n-exempt: completes the API's English message
  name: 'The name',
  description: 'The description', // i18n-exempt: completes the API's English message
  hint: 'The hint', // i18n-exempt: completes the API's English message
  kind: 'The kind',
  key: 'The key',
};

/** "behaviours.2.statements.0.text is required" → "The text is required": the field is already marked. */
const humanise = (message: string): string => message.replace(/^(?:[a-zA-Z]+\.\d+\.)+([a-zA-Z]+)\b/, (_, last: string) => FIELD_WORDS[last] ?? last);

/** Field errors below a path prefix, with the prefix taken off: `behaviours.2.` → {name, statements.0.text}. */
function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([field, message]) => (field.startsWith(prefix) ? [[field.slice(prefix.length), message]] : [])));
}

function Editor({ framework }: { framework: FrameworkDetail }) {
  const [draft, setDraft] = useState<FrameworkDraft>(() => draftOf(framework));
  const t = useT();
  const update = useUpdateFramework();
  const navigate = useNavigate();
  const errors = Object.fromEntries(Object.entries(update.error?.fieldErrors() ?? {}).map(([field, message]) => [field, humanise(message)]));
  const set = (patch: Partial<FrameworkDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const statementCount = draft.behaviours.reduce((n, b) => n + b.statements.length, 0);
  const before = framework.latestVersion.version;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: framework.id, ...contentOf(draft, framework) },
      {
        onSuccess: (saved) => {
          const version = saved.latestVersion.version;
          const notice = version > before ? t('frameworks.edit.savedNewVersion', { version, before }) : t('frameworks.edit.savedInPlace', { version });
          void navigate(`/admin/frameworks/${framework.id}`, { state: { notice } });
        },
      },
    );
  };

  return (
    <form className="form framework-form" onSubmit={submit} noValidate>
      {framework.latestVersionInUse && (
        <Alert tone="info" title={t('frameworks.edit.createsVersion', { next: before + 1 })} live={false}>
          {t('frameworks.edit.createsVersionText', { version: before })}
        </Alert>
      )}
      {update.isError && (
        <Alert tone="danger" title={isApiError(update.error, 422) || isApiError(update.error, 400) ? t('ui.correctFields') : t('frameworks.edit.notSaved')}>
          {Object.keys(errors).length > 0 ? t('ui.nothingSaved') : update.error.message}
        </Alert>
      )}
      <Card title={t('frameworks.edit.framework')}>
        <div className="form">
          <TextField
            label={t('frameworks.edit.name')}
            name="name"
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            error={errors.name}
          />
          <TextAreaField
            label={t('frameworks.edit.description')}
            labelNote={t('ui.optional')}
            name="description"
            className="field--short"
            maxLength={2000}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            error={errors.description}
          />
        </div>
      </Card>

      <Card
        title={t('frameworks.edit.behaviours')}
        description={t('frameworks.edit.behavioursDescription', { behaviours: draft.behaviours.length, statements: statementCount, max: LIMITS.statements })}
      >
        <p className="field__hint framework-form__german">{t('frameworks.german.note')}</p>
        {errors.behaviours && <p className="field__error">⚠ {errors.behaviours}</p>}
        <div className="behaviour-editors">
          {draft.behaviours.map((b, i) => (
            <BehaviourEditor
              key={b.uid}
              behaviour={b}
              index={i}
              errors={errorsUnder(errors, `behaviours.${i}.`)}
              canAddStatement={statementCount < LIMITS.statements}
              onChange={(changed) => set({ behaviours: draft.behaviours.map((x) => (x.uid === b.uid ? changed : x)) })}
              onRemove={draft.behaviours.length > 1 ? () => set({ behaviours: draft.behaviours.filter((x) => x.uid !== b.uid) }) : undefined}
            />
          ))}
        </div>
        <Button
          variant="secondary"
          className="add-behaviour"
          disabled={draft.behaviours.length >= LIMITS.behaviours || statementCount >= LIMITS.statements}
          onClick={() => set({ behaviours: [...draft.behaviours, newBehaviour()] })}
        >
          {t('frameworks.edit.addBehaviour')}
        </Button>
      </Card>

      <Card title={t('frameworks.edit.openQuestions')} description={t('frameworks.edit.openQuestionsDescription')}>
        {errors.openQuestions && <p className="field__error">⚠ {errors.openQuestions}</p>}
        <ol className="question-editors">
          {draft.openQuestions.map((q, i) => {
            const at = `openQuestions.${i}.`;
            const change = (patch: Partial<typeof q>) => set({ openQuestions: draft.openQuestions.map((x) => (x.uid === q.uid ? { ...x, ...patch } : x)) });
            return (
              <li key={q.uid} className="question-editor">
                <TextField
                  label={t('frameworks.edit.question', { number: i + 1 })}
                  name={`${at}text`}
                  maxLength={300}
                  value={q.text}
                  onChange={(e) => change({ text: e.target.value })}
                  error={errors[`${at}text`] ?? errors[`${at}key`]}
                />
                <TextField
                  label={t('frameworks.edit.questionHint', { number: i + 1 })}
                  labelNote={t('ui.optional')}
                  name={`${at}hint`}
                  maxLength={300}
                  value={q.hint}
                  onChange={(e) => change({ hint: e.target.value })}
                  error={errors[`${at}hint`]}
                />
                <TextField
                  label={t('frameworks.german.question', { number: i + 1 })}
                  labelNote={t('ui.optional')}
                  lang="de"
                  className="question-editor__german"
                  name={`${at}translations.de.text`}
                  maxLength={300}
                  value={q.deText}
                  onChange={(e) => change({ deText: e.target.value })}
                  error={errors[`${at}translations.de.text`]}
                />
                <TextField
                  label={t('frameworks.german.hint', { number: i + 1 })}
                  labelNote={t('ui.optional')}
                  lang="de"
                  className="question-editor__german"
                  name={`${at}translations.de.hint`}
                  maxLength={300}
                  value={q.deHint}
                  onChange={(e) => change({ deHint: e.target.value })}
                  error={errors[`${at}translations.de.hint`]}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  className="question-editor__remove"
                  onClick={() => set({ openQuestions: draft.openQuestions.filter((x) => x.uid !== q.uid) })}
                >
                  <FormattedMessage
                    id="frameworks.edit.removeQuestion"
                    values={{ number: i + 1, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }}
                  />
                </Button>
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          disabled={draft.openQuestions.length >= LIMITS.openQuestions}
          onClick={() => set({ openQuestions: [...draft.openQuestions, newOpenQuestion()] })}
        >
          {t('frameworks.edit.addQuestion')}
        </Button>
      </Card>

      <div className="form__actions">
        <Button type="submit" loading={update.isPending} loadingText={t('ui.saving')}>
          {t('frameworks.edit.save')}
        </Button>
        <ButtonLink to={`/admin/frameworks/${framework.id}`} variant="ghost">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}

/** Edit names, descriptions, statements and open questions; add and remove them. */
export default function EditFrameworkPage() {
  const { frameworkId = '' } = useParams();
  const framework = useFramework(frameworkId);
  const t = useT();
  if (framework.isPending) return <Loading label={t('frameworks.loadingOne')} />;
  if (isApiError(framework.error, 404)) return <NotFound />;
  if (framework.isError) return <ErrorAlert error={framework.error} title={t('frameworks.loadOneFailed')} />;
  return (
    <>
      <PageHeader
        title={t('frameworks.edit.title', { name: framework.data.name })}
        documentTitle={t('frameworks.edit.title', { name: framework.data.name })}
        back={{ to: `/admin/frameworks/${framework.data.id}`, label: framework.data.name }}
      />
      {/* Keyed by framework, not version: saving as a new version must not remount the form before it navigates away. */}
      <Editor key={framework.data.id} framework={framework.data} />
    </>
  );
}
