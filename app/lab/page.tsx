import type { Metadata } from 'next';
import { IntentLink } from '@/app/_components/layout/IntentLink';
import { ParallelRunLab } from '@/app/_features/lab/ui/LabWidgets';

export const metadata: Metadata = {
  title: 'ParallelRunStep lab',
  description: 'Run a simulated Azure ML ParallelRunStep job in your browser: change its settings, watch the timeline, read the logs and get the matching SDK v1 and v2 code.',
};

export default function LabPage() {
  return (
    <div className="lab-page">
      <h1>ParallelRunStep lab</h1>
      <p className="lab-page-intro">
        The full simulator from <IntentLink href="/chapters/095-azure-ml-pipelines-batch-inference">chapter 95</IntentLink>. Links keep every setting, so you can
        share a run exactly as you see it.
      </p>
      <ParallelRunLab variant="page" />
    </div>
  );
}
