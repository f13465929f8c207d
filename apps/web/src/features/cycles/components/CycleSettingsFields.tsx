import { useId } from 'react';
import { Card, TextField } from '@/components/ui';
import { formatDate, getDisplayTimeZone, sentence } from '@/lib/format';
import type { CycleSettings } from '../api/get-cycle';
import { CheckField } from './CheckField';
import { HEATMAP_MINIMUM_FIXED, HEATMAP_MINIMUM_WHY, MANAGER_VISIBILITY_LABEL } from './cycle-format';
import { LockedSetting } from './LockedSetting';
import { SETTING_LIMITS as L, type SettingName, type SettingsValues } from './settings-values';

interface CycleSettingsFieldsProps {
  values: SettingsValues;
  onChange: (patch: Partial<SettingsValues>) => void;
  errors: Partial<Record<SettingName, string>>;
  /** Settings that may not change now, shown as values; none on a new cycle. */
  isLocked?: (name: SettingName) => boolean;
  /** The saved settings, for the values of locked fields. */
  saved?: CycleSettings;
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

const dateOrNone = (iso: string | null | undefined) => (iso ? formatDate(iso) : 'Not set');

/** The cycle's settings in four sections (schedule, anonymity, peers, reports), for creating and editing. */
export function CycleSettingsFields({ values, onChange, errors, isLocked = () => false, saved }: CycleSettingsFieldsProps) {
  const visibilityName = useId();
  const locked = (name: SettingName) => Boolean(saved) && isLocked(name);
  const lockedView = (name: SettingName, label: string, value: string) => <LockedSetting key={name} label={label} value={value} />;
  const numberProps = { type: 'number' as const, inputMode: 'numeric' as const, step: 1 };

  return (
    <>
      <Card
        title="Schedule"
        description={`Deadlines are the end of the chosen day, ${getDisplayTimeZone() ?? 'UTC'} time (the organisation's time zone). Reminders go at 09:00 to raters who have not answered yet.`}
      >
        <div className="form__grid">
          {locked('nominationDeadline') ? (
            lockedView('nominationDeadline', 'Nomination deadline', dateOrNone(saved?.nominationDeadline))
          ) : (
            <TextField
              label="Nomination deadline"
              labelNote="(optional)"
              type="date"
              name="nominationDeadline"
              value={values.nominationDate}
              onChange={(e) => onChange({ nominationDate: e.target.value })}
              error={errors.nominationDeadline}
              hint="Subjects ask peers for feedback until then; then collecting starts on its own."
            />
          )}
          {locked('responseDeadline') ? (
            lockedView('responseDeadline', 'Response deadline', dateOrNone(saved?.responseDeadline))
          ) : (
            <TextField
              label="Response deadline"
              type="date"
              name="responseDeadline"
              value={values.responseDate}
              onChange={(e) => onChange({ responseDate: e.target.value })}
              error={errors.responseDeadline}
              hint="Needed to launch. Raters answer until the end of this day."
            />
          )}
          {locked('reminderDaysBeforeDeadline') ? (
            lockedView('reminderDaysBeforeDeadline', 'Reminders', `${saved?.reminderDaysBeforeDeadline.join(', ') || 'None'} days before the deadline`)
          ) : (
            <TextField
              label="Reminder days"
              name="reminderDaysBeforeDeadline"
              inputMode="numeric"
              value={values.reminderDays}
              onChange={(e) => onChange({ reminderDays: e.target.value })}
              error={errors.reminderDaysBeforeDeadline}
              hint="Days before the response deadline, separated by commas, e.g. “7, 2”. 0 means a few hours before. Leave empty for none."
            />
          )}
        </div>
      </Card>

      <Card title="Anonymity" description="These protect raters. They are locked once the cycle is launched, because raters answered under these terms.">
        <div className="form__grid">
          {locked('anonymityThreshold') ? (
            lockedView('anonymityThreshold', 'Anonymity threshold', `${saved?.anonymityThreshold} people`)
          ) : (
            <TextField
              label="Anonymity threshold"
              name="anonymityThreshold"
              {...numberProps}
              min={L.anonymityThreshold.minimum}
              max={L.anonymityThreshold.maximum}
              value={values.anonymityThreshold}
              onChange={(e) => onChange({ anonymityThreshold: e.target.value })}
              error={errors.anonymityThreshold}
              hint={`A group’s answers are shown only when at least this many people answered. At least ${L.anonymityThreshold.minimum}.`}
            />
          )}
        </div>
        <div className="cy-checks">
          {locked('selfReview') ? (
            lockedView('selfReview', 'Self-review', yesNo(Boolean(saved?.selfReview)))
          ) : (
            <CheckField
              label="Self-review"
              name="selfReview"
              checked={values.selfReview}
              onChange={(selfReview) => onChange({ selfReview })}
              error={errors.selfReview}
              hint="Each subject rates themself too, so the report can compare self and others."
            />
          )}
          {locked('showManagerSeparately') ? (
            lockedView('showManagerSeparately', 'Show the manager separately', yesNo(Boolean(saved?.showManagerSeparately)))
          ) : (
            <CheckField
              label="Show the manager separately"
              name="showManagerSeparately"
              checked={values.showManagerSeparately}
              onChange={(showManagerSeparately) => onChange({ showManagerSeparately })}
              error={errors.showManagerSeparately}
              hint="The manager’s ratings appear as their own group. Raters are told before they answer."
            />
          )}
        </div>
      </Card>

      <Card title="Peer feedback" description="Subjects ask colleagues for feedback while the cycle is nominating.">
        <div className="form__grid form__grid--3">
          {locked('minPeers') ? (
            lockedView('minPeers', 'Minimum peers', String(saved?.minPeers))
          ) : (
            <TextField
              label="Minimum peers"
              name="minPeers"
              {...numberProps}
              min={L.minPeers.minimum}
              max={L.minPeers.maximum}
              value={values.minPeers}
              onChange={(e) => onChange({ minPeers: e.target.value })}
              error={errors.minPeers}
            />
          )}
          {locked('maxPeers') ? (
            lockedView('maxPeers', 'Maximum peers', String(saved?.maxPeers))
          ) : (
            <TextField
              label="Maximum peers"
              name="maxPeers"
              {...numberProps}
              min={L.maxPeers.minimum}
              max={L.maxPeers.maximum}
              value={values.maxPeers}
              onChange={(e) => onChange({ maxPeers: e.target.value })}
              error={errors.maxPeers}
              hint="0: no peer feedback."
            />
          )}
          {locked('maxOpenRequestsPerRater') ? (
            lockedView('maxOpenRequestsPerRater', 'Open requests per rater', String(saved?.maxOpenRequestsPerRater))
          ) : (
            <TextField
              label="Open requests per rater"
              name="maxOpenRequestsPerRater"
              {...numberProps}
              min={L.maxOpenRequestsPerRater.minimum}
              max={L.maxOpenRequestsPerRater.maximum}
              value={values.maxOpenRequestsPerRater}
              onChange={(e) => onChange({ maxOpenRequestsPerRater: e.target.value })}
              error={errors.maxOpenRequestsPerRater}
              hint="So nobody is asked by half the company."
            />
          )}
        </div>
        <div className="cy-checks">
          {locked('managerApprovesPeers') ? (
            lockedView('managerApprovesPeers', 'Managers approve peer requests', yesNo(Boolean(saved?.managerApprovesPeers)))
          ) : (
            <CheckField
              label="Managers approve peer requests"
              name="managerApprovesPeers"
              checked={values.managerApprovesPeers}
              onChange={(managerApprovesPeers) => onChange({ managerApprovesPeers })}
              error={errors.managerApprovesPeers}
              hint="A subject’s manager approves or rejects each colleague they ask, before the colleague is asked."
            />
          )}
          {locked('externalRatersAllowed') ? (
            lockedView('externalRatersAllowed', 'Raters from outside the organisation', yesNo(Boolean(saved?.externalRatersAllowed)))
          ) : (
            <CheckField
              label="Raters from outside the organisation"
              name="externalRatersAllowed"
              checked={values.externalRatersAllowed}
              onChange={(externalRatersAllowed) => onChange({ externalRatersAllowed })}
              error={errors.externalRatersAllowed}
              hint="Subjects and HR may invite customers, partners or volunteers by name and email; they answer through a single-use link."
            />
          )}
          {locked('managerApprovesExternalRaters') ? (
            lockedView('managerApprovesExternalRaters', 'Managers approve external raters', yesNo(Boolean(saved?.managerApprovesExternalRaters)))
          ) : (
            <CheckField
              label="Managers approve external raters"
              name="managerApprovesExternalRaters"
              checked={values.managerApprovesExternalRaters}
              onChange={(managerApprovesExternalRaters) => onChange({ managerApprovesExternalRaters })}
              error={errors.managerApprovesExternalRaters}
              hint="A subject’s manager approves each person from outside before their link is sent."
            />
          )}
        </div>
      </Card>

      <Card title="Reports" description="Subjects read their own report once HR releases it. HR can read every report.">
        {locked('reportVisibility') ? (
          lockedView('reportVisibility', 'Managers see their reports’ reports', MANAGER_VISIBILITY_LABEL[saved?.reportVisibility.manager ?? 'on_release'])
        ) : (
          <fieldset className="fieldset">
            <legend className="field__label">Managers see their reports’ reports</legend>
            <div className="segmented segmented--3">
              {(
                [
                  ['on_close', 'On close', 'As soon as answers are final, before subjects see theirs'],
                  ['on_release', 'On release', 'At the same time as the subjects'],
                  ['never', 'Never', 'Only the subject and HR read the report'],
                ] as const
              ).map(([value, label, text]) => (
                <label key={value} className={`segmented__option${values.managerVisibility === value ? ' is-checked' : ''}`}>
                  <input
                    type="radio"
                    name={visibilityName}
                    value={value}
                    checked={values.managerVisibility === value}
                    onChange={() => onChange({ managerVisibility: value })}
                  />
                  <span className="segmented__label">{label}</span>
                  <span className="segmented__text">{text}</span>
                </label>
              ))}
            </div>
            {errors.reportVisibility && (
              <p className="field__error">
                <span aria-hidden="true">⚠ </span>
                {sentence(errors.reportVisibility)}
              </p>
            )}
          </fieldset>
        )}
      </Card>

      <Card
        title="Organisation view"
        description="HR’s heatmap of the cycle, from close on: average scores by department and by level, only for groups big enough to stay anonymous."
      >
        <div className="form__grid">
          {locked('heatmapMinCellSize') ? (
            <LockedSetting
              key="heatmapMinCellSize"
              label="Minimum people per cell"
              value={`${saved?.heatmapMinCellSize} people`}
              reason={HEATMAP_MINIMUM_FIXED}
            />
          ) : (
            <TextField
              label="Minimum people per cell"
              name="heatmapMinCellSize"
              {...numberProps}
              min={Math.max(Number(values.anonymityThreshold) || 0, L.heatmapMinCellSize.minimum)}
              max={L.heatmapMinCellSize.maximum}
              value={values.heatmapMinCellSize}
              onChange={(e) => onChange({ heatmapMinCellSize: e.target.value })}
              error={errors.heatmapMinCellSize}
              hint={`The organisation view hides any group smaller than this; at least the anonymity threshold. It can’t change once the cycle closes: ${HEATMAP_MINIMUM_WHY}.`}
            />
          )}
        </div>
      </Card>
    </>
  );
}
