import { NotFound } from '@/components/ui';

export function NotFoundPage() {
  return <NotFound />;
}
