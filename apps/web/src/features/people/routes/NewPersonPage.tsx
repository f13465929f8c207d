import { useNavigate } from 'react-router';
import { ButtonLink, Card, PageHeader, useToast } from '@/components/ui';
import { useT } from '@/i18n';
import { useCreatePerson } from '../api/create-person';
import { PersonForm } from '../components/PersonForm';

export default function NewPersonPage() {
  const create = useCreatePerson();
  const navigate = useNavigate();
  const toast = useToast();
  const t = useT();
  return (
    <>
      <PageHeader title={t('people.new.title')} description={t('people.new.description')} back={{ to: '/people', label: t('people.title') }} />
      <Card className="card--narrow">
        <PersonForm
          submitLabel={t('people.add')}
          submittingLabel={t('people.new.adding')}
          submitting={create.isPending}
          error={create.error}
          onSubmit={(values) =>
            create.mutate(values, {
              onSuccess: (person) => {
                toast.show(t('people.new.added', { name: person.name }));
                void navigate(`/people/${person.id}`);
              },
            })
          }
          secondaryAction={
            <ButtonLink to="/people" variant="ghost">
              {t('common.cancel')}
            </ButtonLink>
          }
        />
      </Card>
    </>
  );
}
