'use client';
// The pipeline as a DAG: steps top to bottom in dependency order, with the
// data edges drawn in a gutter on the left (a step that skips a level gets a
// wider arc). The edges are decoration: each step also says in words what it
// reads and from where.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { placeErrors } from '../model/error-placement';
import { statusAt } from '../model/replay';
import { usePipeline } from '../use-pipeline';
import { StepNode } from './StepNode';
import { useReplayTime } from './use-replay';

const GUTTER = 44;
const LANE_GAP = 13;

interface Box {
  top: number;
  height: number;
}

function useBoxes(names: string[]) {
  const listRef = useRef<HTMLOListElement>(null);
  const nodeRefs = useRef(new Map<string, HTMLLIElement>());
  const [boxes, setBoxes] = useState<{ height: number; nodes: Record<string, Box> }>({ height: 0, nodes: {} });
  const key = names.join('|');

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const nodes: Record<string, Box> = {};
      for (const [name, el] of nodeRefs.current) nodes[name] = { top: el.offsetTop, height: el.offsetHeight };
      const next = { height: list.offsetHeight, nodes };
      setBoxes((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    for (const el of nodeRefs.current.values()) observer.observe(el);
    return () => observer.disconnect();
  }, [key]);

  const setNode = (name: string) => (el: HTMLLIElement | null) => {
    if (el) nodeRefs.current.set(name, el);
    else nodeRefs.current.delete(name);
  };
  return { listRef, setNode, boxes };
}

function Edges({ order, edges, boxes }: { order: string[]; edges: { from: string; to: string }[]; boxes: ReturnType<typeof useBoxes>['boxes'] }) {
  if (boxes.height === 0) return null;
  const paths = edges.flatMap(({ from, to }) => {
    const a = boxes.nodes[from];
    const b = boxes.nodes[to];
    if (!a || !b) return [];
    const lane = Math.max(0, order.indexOf(to) - order.indexOf(from) - 1);
    const x = GUTTER - 12 - lane * LANE_GAP;
    const y1 = a.top + a.height - 24;
    const y2 = b.top + 22;
    return [{ id: `${from}->${to}`, d: `M ${GUTTER} ${y1} H ${x} V ${y2} H ${GUTTER - 3}` }];
  });
  return (
    <svg className="pipe-edges" width={GUTTER} height={boxes.height} aria-hidden="true" focusable="false">
      <defs>
        <marker id="pipe-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0 0 L8 4 L0 8 z" className="pipe-arrow-head" />
        </marker>
      </defs>
      {paths.map((p) => (
        <path key={p.id} d={p.d} className="pipe-edge" markerEnd="url(#pipe-arrow)" />
      ))}
    </svg>
  );
}

export function DagView({ idPrefix, animate }: { idPrefix: string; animate: boolean }) {
  const definition = usePipeline((s) => s.definition);
  const run = usePipeline((s) => s.run);
  const submitting = usePipeline((s) => s.busy === 'run');
  const previousKeys = usePipeline((s) => s.previousKeys);
  const errors = usePipeline((s) => s.errors);
  const shown = submitting ? null : run;
  const t = useReplayTime(shown, animate);
  const placed = useMemo(() => placeErrors(errors, definition), [errors, definition]);
  const steps = useMemo(() => definition?.steps ?? [], [definition]);
  const order = steps.map((s) => s.name);
  const { listRef, setNode, boxes } = useBoxes(order);
  const edges = useMemo(() => steps.flatMap((s) => s.dependsOn.map((from) => ({ from, to: s.name }))), [steps]);
  const failedSteps = useMemo(() => shown?.steps.filter((s) => s.status === 'Failed').map((s) => s.name) ?? [], [shown]);

  return (
    <div className="pipe-dag">
      <Edges order={order} edges={edges} boxes={boxes} />
      <ol ref={listRef} className="pipe-nodes" style={{ paddingLeft: GUTTER }} aria-label="Pipeline steps in dependency order">
        {steps.map((step) => {
          const result = shown?.steps.find((s) => s.name === step.name) ?? null;
          const status = result ? statusAt(result.history, t) : 'NotStarted';
          return (
            <StepNode
              key={step.name}
              ref={setNode(step.name)}
              idPrefix={idPrefix}
              step={step}
              status={status}
              result={result}
              previousKey={previousKeys?.[step.name] ?? null}
              errors={placed.byStep[step.name] ?? []}
              pointers={placed.stepPointers[step.name] ?? []}
              failedSteps={failedSteps}
            />
          );
        })}
      </ol>
    </div>
  );
}
