import { Badge } from '@/components/ui';
import type { CycleState } from '../api/list-cycles';
import { STATE_INFO } from './cycle-format';
import { useT } from '@/i18n';

export function StateBadge({ state }: { state: CycleState }) {
  const t = useT();
  const info = STATE_INFO[state];
  return (
    <Badge tone={info.tone} icon={info.icon}>
      {t(info.label)}
    </Badge>
  );
}
