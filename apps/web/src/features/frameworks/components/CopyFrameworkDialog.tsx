import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, TextField } from '@/components/ui';
import { useT } from '@/i18n';
import { useCopyFramework } from '../api/copy-framework';

interface CopyFrameworkDialogProps {
  source: { id: string; name: string } | null;
  onClose: () => void;
}

/** Names the copy, creates it from the source's latest version, and opens it. */
export function CopyFrameworkDialog({ source, onClose }: CopyFrameworkDialogProps) {
  const t = useT();
  const [name, setName] = useState('');
  const copy = useCopyFramework();
  const navigate = useNavigate();
  const formId = 'copy-framework-form';

  useEffect(() => {
    if (source) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- choosing another framework resets the form to its defaults
      setName(t('frameworks.copyDialog.defaultName', { name: source.name }));
      copy.reset();
    }
    // Only when another framework is chosen.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the chosen framework's id only (copy and source change identity on every render)
  }, [source?.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!source) return;
    copy.mutate(
      { copyFrom: source.id, name: name.trim() },
      {
        onSuccess: (created) =>
          void navigate(`/admin/frameworks/${created.id}`, {
            state: { notice: t('frameworks.copyDialog.copied', { name: source.name }) },
          }),
      },
    );
  };

  const error = copy.error?.fieldErrors().name ?? (copy.error ? copy.error.message : null);
  return (
    <Dialog
      open={source !== null}
      onClose={onClose}
      title={t('frameworks.copyDialog.title')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} loading={copy.isPending} loadingText={t('frameworks.copyDialog.copying')}>
            {t('frameworks.copyDialog.create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <p>{t('frameworks.copyDialog.text', { name: source?.name ?? '' })}</p>
        <TextField
          label={t('frameworks.copyDialog.name')}
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error}
        />
      </form>
    </Dialog>
  );
}
