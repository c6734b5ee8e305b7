/**
 * What workflows ask the `notify` activity to send: reminders, escalations and nudges from the process
 * workflow, the coordinators' daily digest from the digest workflow.
 */
export interface Notification {
  kind: 'reminder' | 'escalation' | 'nudge' | 'digest';
  processId: string;
  processTitle: string;
  stepId: string;
  stepTitle: string;
  /** `PARTY:role` keys, or `coordinator`; the directory expands them to named users. */
  recipients: string[];
  dueAt: string | null;
  text: string;
}
