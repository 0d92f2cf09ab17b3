// The guided next step beside the compute controls: one experiment at a time,
// chosen from where the learner stands, saying what to change and what to watch.
import type { LabSettings } from './settings';

export function tryThis(settings: LabSettings): string {
  const nodes = Number(settings.node_count);
  const processes = settings.process_count_per_node;
  if (settings.dataset === 'file') {
    return 'Try this: switch the dataset back to credit-risk rows; that job is large enough for node_count to show its effect.';
  }
  if (processes !== '' && Number(processes) < 4) {
    return `Try this: with ${processes === '1' ? '1 process' : `${processes} processes`} per node most of each node's 4 cores sit idle. Clear process_count_per_node (slider to 0) and watch the virtual duration drop.`;
  }
  if (!Number.isFinite(nodes) || nodes < 4) {
    return 'Try this: move node_count from 2 to 8 and watch the virtual duration in the status card fall by well over a third, while the illustrative cost rises.';
  }
  if (nodes < 12) {
    return 'Try this: now set process_count_per_node to 1 and watch the run slow down: nodes only help when each one keeps its cores busy.';
  }
  return 'Try this: read the node_count what-if chart. Past a point, extra nodes mostly add start-up time and cost; the duration cannot drop below the start-up.';
}
