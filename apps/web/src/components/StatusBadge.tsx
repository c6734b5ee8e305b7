import type { PartyStatus, ProcessStatus, StepStatus } from '../../../../libs/contracts/src/process-view';
import { useT } from '../i18n/locale';

export function PartyStatusBadge({ status }: { status: PartyStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`partyStatus.${status}`)}</span>;
}

export function StepStatusBadge({ status }: { status: StepStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`stepStatus.${status}`)}</span>;
}

export function ProcessStatusBadge({ status }: { status: ProcessStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`processStatus.${status}`)}</span>;
}
