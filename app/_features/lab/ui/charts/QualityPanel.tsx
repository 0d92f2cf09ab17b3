'use client';
// How good the scored output is: AUC and the confusion matrix at a chosen
// threshold, computed with the engine's helpers against the generator's labels.
import { memo, useMemo, useRef, type RefObject } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { PLAIN_TICKS } from './plain-tick';
import type { RocPoint } from '@/app/_features/lab/model/protocol';
import { useLab, useLabStore } from '@/app/_features/lab/use-lab';
import { confusionMatrix } from '@/engine/onnx/metrics';
import { RangeField } from '../controls/inputs';
import { formatCount, formatPercent } from '../format';
import { ARROWS, ChartFigure, TooltipBox } from './ChartFigure';
import { useStaggered } from './use-staggered';
import { PanelTitle } from '../LabProvider';

function RocTooltip({ active, payload }: TooltipContentProps) {
  const p = payload?.[0]?.payload as RocPoint | undefined;
  if (!active || !p) return null;
  return (
    <TooltipBox
      title={`Threshold ${p.threshold.toFixed(2)}`}
      rows={[
        ['True positive rate', p.tpr.toFixed(3)],
        ['False positive rate', p.fpr.toFixed(3)],
      ]}
    />
  );
}

const rate = (x: number) => (Number.isNaN(x) ? 'n/a' : formatPercent(x));
const ROC_MARGIN = { top: 12, right: 16, bottom: 20, left: 8 };
const UNIT = [0, 1];
const FPR_LABEL = { value: 'false positive rate', position: 'insideBottom', offset: -12 } as const;

/** Same curve point by point: a what-if change that does not touch the scores (node_count) gives a new but equal ROC. */
function sameRoc(a: readonly RocPoint[], b: readonly RocPoint[]): boolean {
  return a.length === b.length && a.every((p, i) => p.fpr === b[i]?.fpr && p.tpr === b[i]?.tpr && p.threshold === b[i]?.threshold);
}

// Redrawn only when the curve or the marked point changes: each recharts redraw
// is tens of milliseconds of the main thread, and most results bring the same curve.
const RocChart = memo(function RocChart({ roc, fpr, tpr }: { roc: readonly RocPoint[]; fpr: number; tpr: number }) {
  return (
    <div className="lab-chart">
      <LineChart width="100%" height={240} responsive data={roc as RocPoint[]} margin={ROC_MARGIN} title="ROC curve" desc={ARROWS}>
        <CartesianGrid strokeDasharray="3 3" className="lab-grid" />
        <XAxis {...PLAIN_TICKS} type="number" dataKey="fpr" domain={UNIT} label={FPR_LABEL} />
        <YAxis {...PLAIN_TICKS} type="number" domain={UNIT} width={44} />
        <Tooltip content={RocTooltip} isAnimationActive={false} />
        <Line type="linear" dataKey="tpr" name="True positive rate" stroke="var(--lab-ok-line)" strokeWidth={2} dot={false} isAnimationActive={false} />
        {!Number.isNaN(fpr) && !Number.isNaN(tpr) && <ReferenceDot x={fpr} y={tpr} r={6} fill="var(--lab-current)" stroke="var(--fg)" strokeWidth={2} />}
      </LineChart>
    </div>
  );
}, (a, b) => Object.is(a.fpr, b.fpr) && Object.is(a.tpr, b.tpr) && sameRoc(a.roc, b.roc));

export function QualityPanel() {
  const gate = useRef<HTMLDivElement>(null);
  return (
    <div ref={gate} className="lab-chart-slot">
      <QualityBody gate={gate} />
    </div>
  );
}

function QualityBody({ gate }: { gate: RefObject<HTMLDivElement | null> }) {
  const quality = useStaggered(useLab((s) => s.quality), { gate, initial: null });
  const stale = useLab((s) => s.qualityId !== s.viewId);
  const view = useLab((s) => s.view);
  const chosen = useLab((s) => s.threshold);
  const { setThreshold } = useLabStore().getState();
  const threshold = chosen ?? quality?.modelThreshold ?? 0.5;
  const matrix = useMemo(() => (quality ? confusionMatrix(quality.scores, quality.labels, threshold) : null), [quality, threshold]);
  const title = 'Model quality of the scored output';
  if (!view) return null;
  if (view.datasetKind !== 'tabular' || !view.output) {
    return (
      <section className="lab-panel" aria-labelledby="lab-quality-title">
        <PanelTitle id="lab-quality-title">
          {title}
        </PanelTitle>
        <p>
          {view.datasetKind !== 'tabular'
            ? 'Quality needs ground-truth labels, which only the credit-risk table has.'
            : 'With summary_only there is no gathered file to compare with the labels.'}
        </p>
      </section>
    );
  }
  if (!quality || !matrix) {
    return (
      <section className="lab-panel" aria-labelledby="lab-quality-title">
        <PanelTitle id="lab-quality-title">
          {title}
        </PanelTitle>
        <p className="lab-muted">Reading the output file back…</p>
      </section>
    );
  }
  const point = { fpr: matrix.falsePositiveRate, tpr: matrix.recall };
  return (
    <section className="lab-panel" aria-labelledby="lab-quality-title">
      <PanelTitle id="lab-quality-title">
        {title}
      </PanelTitle>
      <p>
        {stale && <span className="lab-muted">(Updating.) </span>}
        AUC <strong data-testid="lab-auc">{quality.auc.toFixed(3)}</strong> over {formatCount(quality.scores.length)} scored rows with a label. Rows that were
        skipped as corrupted have no score.
      </p>
      <RangeField
        name="decision threshold"
        hint={`A score at or above it predicts default; the model's own threshold is ${quality.modelThreshold.toFixed(3)}.`}
        value={threshold}
        min={0}
        max={1}
        step={0.01}
        format={(v) => v.toFixed(2)}
        onChange={(v) => setThreshold(v)}
      />
      <table className="lab-confusion">
        <caption>Confusion matrix at threshold {threshold.toFixed(2)}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">Predicted default</th>
            <th scope="col">Predicted repaid</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Actual default</th>
            <td>{formatCount(matrix.truePositives)} true positives</td>
            <td>{formatCount(matrix.falseNegatives)} false negatives</td>
          </tr>
          <tr>
            <th scope="row">Actual repaid</th>
            <td>{formatCount(matrix.falsePositives)} false positives</td>
            <td>{formatCount(matrix.trueNegatives)} true negatives</td>
          </tr>
        </tbody>
      </table>
      <p>
        Accuracy {rate(matrix.accuracy)}, precision {rate(matrix.precision)}, recall {rate(matrix.recall)}.
      </p>
      <ChartFigure
        id="lab-roc"
        title="ROC curve"
        summary={`AUC ${quality.auc.toFixed(3)}; at ${threshold.toFixed(2)} the model catches ${rate(point.tpr)} of defaults with ${rate(point.fpr)} false alarms.`}
        table={{ caption: 'ROC points', columns: ['Threshold', 'False positive rate', 'True positive rate'], rows: quality.roc.map((p) => [p.threshold.toFixed(2), p.fpr.toFixed(3), p.tpr.toFixed(3)]) }}
      >
        <RocChart roc={quality.roc} fpr={point.fpr} tpr={point.tpr} />
      </ChartFigure>
    </section>
  );
}
