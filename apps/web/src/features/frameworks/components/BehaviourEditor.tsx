import { FormattedMessage } from 'react-intl';
import { Button, SelectField, TextAreaField, TextField } from '@/components/ui';
import { useT } from '@/i18n';
import { LIMITS, newStatement, type BehaviourDraft, type BehaviourKindValue } from './framework-draft';

interface BehaviourEditorProps {
  behaviour: BehaviourDraft;
  index: number;
  onChange: (behaviour: BehaviourDraft) => void;
  onRemove?: () => void;
  /** Field errors of this behaviour, by path below it: `name`, `statements.1.text`, … */
  errors: Record<string, string>;
  canAddStatement: boolean;
}

/** One behaviour: name, kind, description and its statements, each removable (at least one stays). */
export function BehaviourEditor({ behaviour, index, onChange, onRemove, errors, canAddStatement }: BehaviourEditorProps) {
  const t = useT();
  const set = (patch: Partial<BehaviourDraft>) => onChange({ ...behaviour, ...patch });
  const title = behaviour.name.trim() || t('frameworks.behaviour.new', { number: index + 1 });
  const full = behaviour.statements.length >= LIMITS.statementsPerBehaviour;
  return (
    <fieldset className="behaviour-editor">
      <legend className="behaviour-editor__legend">
        <span className="behaviour-editor__number">{index + 1}</span> {title}
      </legend>
      <div className="behaviour-editor__grid">
        <TextField
          label={t('frameworks.behaviour.name')}
          name={`behaviours.${index}.name`}
          maxLength={100}
          value={behaviour.name}
          onChange={(e) => set({ name: e.target.value })}
          error={errors.name ?? errors.key}
        />
        <SelectField
          label={t('frameworks.behaviour.kind')}
          name={`behaviours.${index}.kind`}
          value={behaviour.kind}
          onChange={(e) => set({ kind: e.target.value as BehaviourKindValue })}
          error={errors.kind}
        >
          <option value="influence">{t('frameworks.kind.influenceOption')}</option>
          <option value="management">{t('frameworks.kind.management')}</option>
        </SelectField>
      </div>
      <TextAreaField
        label={t('frameworks.behaviour.description')}
        labelNote={t('ui.optional')}
        name={`behaviours.${index}.description`}
        className="field--short"
        maxLength={500}
        value={behaviour.description}
        onChange={(e) => set({ description: e.target.value })}
        error={errors.description}
      />
      <div className="behaviour-editor__translation" lang="de">
        <TextField
          label={t('frameworks.german.name')}
          labelNote={t('ui.optional')}
          name={`behaviours.${index}.translations.de.name`}
          maxLength={100}
          value={behaviour.deName}
          onChange={(e) => set({ deName: e.target.value })}
          error={errors['translations.de.name']}
        />
        <TextAreaField
          label={t('frameworks.german.description')}
          labelNote={t('ui.optional')}
          name={`behaviours.${index}.translations.de.description`}
          className="field--short"
          maxLength={500}
          value={behaviour.deDescription}
          onChange={(e) => set({ deDescription: e.target.value })}
          error={errors['translations.de.description']}
        />
      </div>
      <div className="statement-list">
        <p className="field__label" id={`${behaviour.uid}-statements`}>
          <FormattedMessage id="frameworks.behaviour.statements" values={{ note: (chunks) => <span className="field__note">{chunks}</span> }} />
        </p>
        {errors.statements && <p className="field__error">⚠ {errors.statements}</p>}
        <ol className="statement-list__items" aria-labelledby={`${behaviour.uid}-statements`}>
          {behaviour.statements.map((s, j) => (
            <li key={s.uid} className="statement-list__item">
              <TextField
                label={t('frameworks.behaviour.statement', { number: j + 1, title })}
                className="statement-list__field"
                name={`behaviours.${index}.statements.${j}.text`}
                maxLength={300}
                value={s.text}
                onChange={(e) => set({ statements: behaviour.statements.map((x) => (x.uid === s.uid ? { ...x, text: e.target.value } : x)) })}
                error={errors[`statements.${j}.text`] ?? errors[`statements.${j}.key`]}
              />
              <TextField
                label={t('frameworks.german.statement', { number: j + 1 })}
                className="statement-list__field"
                lang="de"
                name={`behaviours.${index}.statements.${j}.translations.de.text`}
                maxLength={300}
                value={s.de}
                onChange={(e) => set({ statements: behaviour.statements.map((x) => (x.uid === s.uid ? { ...x, de: e.target.value } : x)) })}
                error={errors[`statements.${j}.translations.de.text`]}
              />
              <Button
                variant="ghost"
                size="sm"
                className="statement-list__remove"
                disabled={behaviour.statements.length <= 1}
                onClick={() => set({ statements: behaviour.statements.filter((x) => x.uid !== s.uid) })}
              >
                <FormattedMessage
                  id="frameworks.behaviour.removeStatement"
                  values={{ number: j + 1, title, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }}
                />
              </Button>
            </li>
          ))}
        </ol>
        <div className="behaviour-editor__actions">
          <Button
            variant="secondary"
            size="sm"
            disabled={full || !canAddStatement}
            onClick={() => set({ statements: [...behaviour.statements, newStatement()] })}
          >
            <FormattedMessage
              id="frameworks.behaviour.addStatement"
              values={{ title, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }}
            />
          </Button>
          {full && <span className="field__hint">{t('frameworks.behaviour.full', { max: LIMITS.statementsPerBehaviour })}</span>}
          {onRemove && (
            <Button variant="ghost" size="sm" className="behaviour-editor__remove" onClick={onRemove}>
              <FormattedMessage id="frameworks.behaviour.remove" values={{ title, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }} />
            </Button>
          )}
        </div>
      </div>
    </fieldset>
  );
}
