import { useNavigate } from 'react-router';
import { ButtonLink, Card, PageHeader, useToast } from '@/components/ui';
import { useCreatePerson } from '../api/create-person';
import { PersonForm } from '../components/PersonForm';

export default function NewPersonPage() {
  const create = useCreatePerson();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <>
      <PageHeader
        title="Add a person"
        description="They appear in the directory at once. Send them an invitation from their page when they should sign in."
        back={{ to: '/people', label: 'People' }}
      />
      <Card className="card--narrow">
        <PersonForm
          submitLabel="Add person"
          submittingLabel="Adding…"
          submitting={create.isPending}
          error={create.error}
          onSubmit={(values) =>
            create.mutate(values, {
              onSuccess: (person) => {
                toast.show(`${person.name} was added`);
                void navigate(`/people/${person.id}`);
              },
            })
          }
          secondaryAction={
            <ButtonLink to="/people" variant="ghost">
              Cancel
            </ButtonLink>
          }
        />
      </Card>
    </>
  );
}
