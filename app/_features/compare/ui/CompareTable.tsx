import { memo } from 'react';
import type { Comparison } from '@/engine/index';
import { formatSeconds, formatUsd } from '@/app/_platform/format';
import { formatRows, latencyText } from '../model/format';

const WINNER: Record<string, string> = { batch: 'Batch', realtime: 'Real-time', tie: 'About equal' };

/** The chart's data as a table: the text alternative, and exact values for everyone. */
export const CompareTable = memo(function CompareTable({ comparison, id }: { comparison: Comparison; id: string }) {
  return (
    <table className="bvr-table" id={id}>
      <caption>Cost per day and time for each volume (the data behind the charts)</caption>
      <thead>
        <tr>
          <th scope="col">Rows per day</th>
          <th scope="col">Batch: one run</th>
          <th scope="col">Batch: cost per day</th>
          <th scope="col">Real-time: instances</th>
          <th scope="col">Real-time: p50 / p95 per request</th>
          <th scope="col">Real-time: whole volume at once</th>
          <th scope="col">Real-time: cost per day</th>
          <th scope="col">Cheaper</th>
        </tr>
      </thead>
      <tbody>
        {comparison.points.map((p) => {
          const current = p === comparison.current;
          return (
            <tr key={p.rowsPerDay} className={current ? 'bvr-current' : undefined}>
              <th scope="row">
                {formatRows(p.rowsPerDay)}
                {current && <span className="bvr-you"> (your volume)</span>}
              </th>
              <td>{formatSeconds(p.batch.durationSeconds, 'span')}</td>
              <td>{formatUsd(p.batch.costPerDayUsd, 'rounded')}</td>
              <td>{p.realtime.instanceCount}</td>
              <td>{latencyText(p)}</td>
              <td>{formatSeconds(p.realtime.totalSeconds, 'span')}</td>
              <td>{formatUsd(p.realtime.costPerDayUsd, 'rounded')}</td>
              <td>{WINNER[p.cheaper]}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
