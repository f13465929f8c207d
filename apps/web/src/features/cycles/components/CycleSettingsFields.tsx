import { useId } from 'react';
import { Card, TextField } from '@/components/ui';
import { useT } from '@/i18n';
import { formatDate, getDisplayTimeZone, sentence } from '@/lib/format';
import type { CycleSettings } from '../api/get-cycle';
import { CheckField } from './CheckField';
import { HEATMAP_MINIMUM_FIXED, MANAGER_VISIBILITY_LABEL } from './cycle-format';
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

/** The cycle's settings in four sections (schedule, anonymity, peers, reports), for creating and editing. */
export function CycleSettingsFields({ values, onChange, errors, isLocked = () => false, saved }: CycleSettingsFieldsProps) {
  const t = useT();
  const visibilityName = useId();
  const yesNo = (b: boolean) => (b ? t('cycles.fields.yes') : t('cycles.fields.no'));
  const dateOrNone = (iso: string | null | undefined) => (iso ? formatDate(iso) : t('common.notSet'));
  const reminderDays = saved?.reminderDaysBeforeDeadline ?? [];
  const locked = (name: SettingName) => Boolean(saved) && isLocked(name);
  const lockedView = (name: SettingName, label: string, value: string) => <LockedSetting key={name} label={label} value={value} />;
  const numberProps = { type: 'number' as const, inputMode: 'numeric' as const, step: 1 };

  return (
    <>
      <Card title={t('cycles.fields.schedule')} description={t('cycles.fields.scheduleText', { timeZone: getDisplayTimeZone() ?? 'UTC' })}>
        <div className="form__grid">
          {locked('nominationDeadline') ? (
            lockedView('nominationDeadline', t('cycles.fields.nominationDeadline'), dateOrNone(saved?.nominationDeadline))
          ) : (
            <TextField
              label={t('cycles.fields.nominationDeadline')}
              labelNote={t('cycles.fields.optional')}
              type="date"
              name="nominationDeadline"
              value={values.nominationDate}
              onChange={(e) => onChange({ nominationDate: e.target.value })}
              error={errors.nominationDeadline}
              hint={t('cycles.fields.nominationDeadlineHint')}
            />
          )}
          {locked('responseDeadline') ? (
            lockedView('responseDeadline', t('cycles.fields.responseDeadline'), dateOrNone(saved?.responseDeadline))
          ) : (
            <TextField
              label={t('cycles.fields.responseDeadline')}
              type="date"
              name="responseDeadline"
              value={values.responseDate}
              onChange={(e) => onChange({ responseDate: e.target.value })}
              error={errors.responseDeadline}
              hint={t('cycles.fields.responseDeadlineHint')}
            />
          )}
          {locked('reminderDaysBeforeDeadline') ? (
            lockedView(
              'reminderDaysBeforeDeadline',
              t('cycles.fields.reminders'),
              reminderDays.length
                ? t('cycles.fields.remindersValue', { days: reminderDays.join(', '), count: reminderDays.length === 1 ? reminderDays[0] : reminderDays.length })
                : t('common.none'),
            )
          ) : (
            <TextField
              label={t('cycles.fields.reminderDays')}
              name="reminderDaysBeforeDeadline"
              inputMode="numeric"
              value={values.reminderDays}
              onChange={(e) => onChange({ reminderDays: e.target.value })}
              error={errors.reminderDaysBeforeDeadline}
              hint={t('cycles.fields.reminderDaysHint')}
            />
          )}
        </div>
      </Card>

      <Card title={t('cycles.fields.anonymity')} description={t('cycles.fields.anonymityText')}>
        <div className="form__grid">
          {locked('anonymityThreshold') ? (
            lockedView('anonymityThreshold', t('cycles.fields.anonymityThreshold'), t('cycles.fields.people', { count: saved?.anonymityThreshold ?? 0 }))
          ) : (
            <TextField
              label={t('cycles.fields.anonymityThreshold')}
              name="anonymityThreshold"
              {...numberProps}
              min={L.anonymityThreshold.minimum}
              max={L.anonymityThreshold.maximum}
              value={values.anonymityThreshold}
              onChange={(e) => onChange({ anonymityThreshold: e.target.value })}
              error={errors.anonymityThreshold}
              hint={t('cycles.fields.anonymityThresholdHint', { min: L.anonymityThreshold.minimum })}
            />
          )}
        </div>
        <div className="cy-checks">
          {locked('selfReview') ? (
            lockedView('selfReview', t('cycles.fields.selfReview'), yesNo(Boolean(saved?.selfReview)))
          ) : (
            <CheckField
              label={t('cycles.fields.selfReview')}
              name="selfReview"
              checked={values.selfReview}
              onChange={(selfReview) => onChange({ selfReview })}
              error={errors.selfReview}
              hint={t('cycles.fields.selfReviewHint')}
            />
          )}
          {locked('showManagerSeparately') ? (
            lockedView('showManagerSeparately', t('cycles.fields.showManager'), yesNo(Boolean(saved?.showManagerSeparately)))
          ) : (
            <CheckField
              label={t('cycles.fields.showManager')}
              name="showManagerSeparately"
              checked={values.showManagerSeparately}
              onChange={(showManagerSeparately) => onChange({ showManagerSeparately })}
              error={errors.showManagerSeparately}
              hint={t('cycles.fields.showManagerHint')}
            />
          )}
        </div>
      </Card>

      <Card title={t('cycles.fields.peerFeedback')} description={t('cycles.fields.peerFeedbackText')}>
        <div className="form__grid form__grid--3">
          {locked('minPeers') ? (
            lockedView('minPeers', t('cycles.fields.minPeers'), String(saved?.minPeers))
          ) : (
            <TextField
              label={t('cycles.fields.minPeers')}
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
            lockedView('maxPeers', t('cycles.fields.maxPeers'), String(saved?.maxPeers))
          ) : (
            <TextField
              label={t('cycles.fields.maxPeers')}
              name="maxPeers"
              {...numberProps}
              min={L.maxPeers.minimum}
              max={L.maxPeers.maximum}
              value={values.maxPeers}
              onChange={(e) => onChange({ maxPeers: e.target.value })}
              error={errors.maxPeers}
              hint={t('cycles.fields.maxPeersHint')}
            />
          )}
          {locked('maxOpenRequestsPerRater') ? (
            lockedView('maxOpenRequestsPerRater', t('cycles.fields.openRequests'), String(saved?.maxOpenRequestsPerRater))
          ) : (
            <TextField
              label={t('cycles.fields.openRequests')}
              name="maxOpenRequestsPerRater"
              {...numberProps}
              min={L.maxOpenRequestsPerRater.minimum}
              max={L.maxOpenRequestsPerRater.maximum}
              value={values.maxOpenRequestsPerRater}
              onChange={(e) => onChange({ maxOpenRequestsPerRater: e.target.value })}
              error={errors.maxOpenRequestsPerRater}
              hint={t('cycles.fields.openRequestsHint')}
            />
          )}
        </div>
        <div className="cy-checks">
          {locked('managerApprovesPeers') ? (
            lockedView('managerApprovesPeers', t('cycles.fields.approvesPeers'), yesNo(Boolean(saved?.managerApprovesPeers)))
          ) : (
            <CheckField
              label={t('cycles.fields.approvesPeers')}
              name="managerApprovesPeers"
              checked={values.managerApprovesPeers}
              onChange={(managerApprovesPeers) => onChange({ managerApprovesPeers })}
              error={errors.managerApprovesPeers}
              hint={t('cycles.fields.approvesPeersHint')}
            />
          )}
          {locked('externalRatersAllowed') ? (
            lockedView('externalRatersAllowed', t('cycles.fields.external'), yesNo(Boolean(saved?.externalRatersAllowed)))
          ) : (
            <CheckField
              label={t('cycles.fields.external')}
              name="externalRatersAllowed"
              checked={values.externalRatersAllowed}
              onChange={(externalRatersAllowed) => onChange({ externalRatersAllowed })}
              error={errors.externalRatersAllowed}
              hint={t('cycles.fields.externalHint')}
            />
          )}
          {locked('managerApprovesExternalRaters') ? (
            lockedView('managerApprovesExternalRaters', t('cycles.fields.approvesExternal'), yesNo(Boolean(saved?.managerApprovesExternalRaters)))
          ) : (
            <CheckField
              label={t('cycles.fields.approvesExternal')}
              name="managerApprovesExternalRaters"
              checked={values.managerApprovesExternalRaters}
              onChange={(managerApprovesExternalRaters) => onChange({ managerApprovesExternalRaters })}
              error={errors.managerApprovesExternalRaters}
              hint={t('cycles.fields.approvesExternalHint')}
            />
          )}
        </div>
      </Card>

      <Card title={t('cycles.fields.reports')} description={t('cycles.fields.reportsText')}>
        {locked('reportVisibility') ? (
          lockedView('reportVisibility', t('cycles.fields.managersSee'), t(MANAGER_VISIBILITY_LABEL[saved?.reportVisibility.manager ?? 'on_release']))
        ) : (
          <fieldset className="fieldset">
            <legend className="field__label">{t('cycles.fields.managersSee')}</legend>
            <div className="segmented segmented--3">
              {(
                [
                  ['on_close', t('cycles.fields.onClose'), t('cycles.fields.onCloseText')],
                  ['on_release', t('cycles.fields.onRelease'), t('cycles.fields.onReleaseText')],
                  ['never', t('cycles.fields.never'), t('cycles.fields.neverText')],
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

      <Card title={t('cycles.fields.organisationView')} description={t('cycles.fields.organisationViewText')}>
        <div className="form__grid">
          {locked('heatmapMinCellSize') ? (
            <LockedSetting
              key="heatmapMinCellSize"
              label={t('cycles.fields.minCell')}
              value={t('cycles.fields.people', { count: saved?.heatmapMinCellSize ?? 0 })}
              reason={t(HEATMAP_MINIMUM_FIXED)}
            />
          ) : (
            <TextField
              label={t('cycles.fields.minCell')}
              name="heatmapMinCellSize"
              {...numberProps}
              min={Math.max(Number(values.anonymityThreshold) || 0, L.heatmapMinCellSize.minimum)}
              max={L.heatmapMinCellSize.maximum}
              value={values.heatmapMinCellSize}
              onChange={(e) => onChange({ heatmapMinCellSize: e.target.value })}
              error={errors.heatmapMinCellSize}
              hint={t('cycles.fields.minCellHint')}
            />
          )}
        </div>
      </Card>
    </>
  );
}
