'use client';
// All of the full lab's charts, in one lazily loaded module (recharts comes with it).
import { QualityPanel } from './QualityPanel';
import { GanttChart } from './GanttChart';
import { FailuresChart, ItemsChart } from './ProgressCharts';
import { MiniBatchSweepChart, NodeSweepChart } from './SweepCharts';

export default function LabCharts() {
  return (
    <div className="lab-charts">
      <GanttChart />
      <div className="lab-chart-pair">
        <ItemsChart />
        <FailuresChart />
      </div>
      <div className="lab-chart-pair">
        <NodeSweepChart />
        <MiniBatchSweepChart />
      </div>
      <QualityPanel />
    </div>
  );
}
