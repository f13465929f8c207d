import { Badge } from '@/components/ui';
import type { BehaviourKind } from '../api/get-framework';

export const KIND_LABEL: Record<BehaviourKind, string> = { influence: 'Influence', management: 'Management' };

/** Which index of the report a behaviour feeds: leadership as influence, or management. */
export function KindBadge({ kind }: { kind: BehaviourKind }) {
  return kind === 'influence' ? (
    <Badge tone="info" icon="↗">
      Influence
    </Badge>
  ) : (
    <Badge tone="accent" icon="▦">
      Management
    </Badge>
  );
}
