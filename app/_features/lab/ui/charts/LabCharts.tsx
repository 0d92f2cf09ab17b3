'use client';
// The full lab's recharts charts, in one lazily loaded module (recharts comes
// with it). The timeline is drawn without recharts and lives in LabApp.
import { QualityPanel } from './QualityPanel';
import { FailuresChart, ItemsChart } from './ProgressCharts';
import { MiniBatchSweepChart, NodeSweepChart } from './SweepCharts';
import { WatchTarget } from '../watch/WatchTarget';

export default function LabCharts() {
  return (
    <div className="lab-charts">
      <div className="lab-chart-pair">
        <ItemsChart />
        <FailuresChart />
      </div>
      <WatchTarget targets={['node_count-sweep', 'mini_batch_size-sweep']}>
        <div className="lab-chart-pair">
          <NodeSweepChart />
          <MiniBatchSweepChart />
        </div>
      </WatchTarget>
      <QualityPanel />
    </div>
  );
}
