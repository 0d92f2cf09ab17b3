import type { ComponentType } from 'react';
import type { MdxComponentName } from '@/app/_content/mdx-names';
import { Callout } from './Callout';
import { FactCheck } from './FactCheck';
import { Steps, Step } from './Steps';
import { Faq, FaqItem } from './Faq';
import { Glossary, Term } from './Glossary';
import { WatchOut } from './WatchOut';
import { Scenario } from './Scenario';
import { ErrorThresholdPlayground, MiniBatchSplitter, ParallelRunLab } from '@/app/_features/lab/ui/LabWidgets';
import { ScheduleExplorer } from '@/app/_features/schedule/ui/ScheduleExplorer';
import { BatchVsRealtime } from '@/app/_features/compare/ui/BatchVsRealtime';
import { PipelineGraph } from '@/app/_features/pipeline/ui/PipelineGraph';

/**
 * The one MDX component map. Typed against MDX_COMPONENT_NAMES, so adding a
 * name without a component (or the reverse) is a type error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each component has its own props
export const mdxComponents: Record<MdxComponentName, ComponentType<any>> = {
  Callout,
  FactCheck,
  Steps,
  Step,
  Faq,
  FaqItem,
  Glossary,
  Term,
  WatchOut,
  Scenario,
  ParallelRunLab,
  MiniBatchSplitter,
  ErrorThresholdPlayground,
  ScheduleExplorer,
  BatchVsRealtime,
  PipelineGraph,
};
