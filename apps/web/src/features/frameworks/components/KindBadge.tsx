import { Badge } from '@/components/ui';
import { useT } from '@/i18n';
import type { BehaviourKind } from '../api/get-framework';

/** Which index of the report a behaviour feeds: leadership as influence, or management. */
export function KindBadge({ kind }: { kind: BehaviourKind }) {
  const t = useT();
  return kind === 'influence' ? (
    <Badge tone="info" icon="↗">
      {t('frameworks.kind.influence')}
    </Badge>
  ) : (
    <Badge tone="accent" icon="▦">
      {t('frameworks.kind.management')}
    </Badge>
  );
}
