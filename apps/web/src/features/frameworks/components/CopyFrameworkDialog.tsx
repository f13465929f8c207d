import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, TextField } from '@/components/ui';
import { useCopyFramework } from '../api/copy-framework';

interface CopyFrameworkDialogProps {
  source: { id: string; name: string } | null;
  onClose: () => void;
}

/** Names the copy, creates it from the source's latest version, and opens it. */
export function CopyFrameworkDialog({ source, onClose }: CopyFrameworkDialogProps) {
  const [name, setName] = useState('');
  const copy = useCopyFramework();
  const navigate = useNavigate();
  const formId = 'copy-framework-form';

  useEffect(() => {
    if (source) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- choosing another framework resets the form to its defaults
      setName(`Copy of ${source.name}`);
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
            state: { notice: `Copied “${source.name}”. This copy is not used by any cycle yet, so you can edit it freely.` },
          }),
      },
    );
  };

  const error = copy.error?.fieldErrors().name ?? (copy.error ? copy.error.message : null);
  return (
    <Dialog
      open={source !== null}
      onClose={onClose}
      title="Copy framework"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={copy.isPending} loadingText="Copying…">
            Create copy
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <p>The copy starts as version 1 with every behaviour, statement and open question of “{source?.name}”. Cycles using the original are not affected.</p>
        <TextField label="Name of the copy" name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={error} />
      </form>
    </Dialog>
  );
}
