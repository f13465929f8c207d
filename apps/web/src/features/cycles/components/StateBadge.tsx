import { Badge } from '@/components/ui';
import type { CycleState } from '../api/list-cycles';
import { STATE_INFO } from './cycle-format';

export function StateBadge({ state }: { state: CycleState }) {
  const info = STATE_INFO[state];
  return (
    <Badge tone={info.tone} icon={info.icon}>
      {info.label}
    </Badge>
  );
}
