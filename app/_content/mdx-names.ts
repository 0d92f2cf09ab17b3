// The one list of components a chapter may use. The registry (app/_components/mdx/registry.tsx) is
// typed against it, and the content build rejects any other JSX name.
export const MDX_COMPONENT_NAMES = [
  'Callout',
  'FactCheck',
  'Steps',
  'Step',
  'Faq',
  'FaqItem',
  'Glossary',
  'Term',
  'WatchOut',
  'Scenario',
  'ParallelRunLab',
  'MiniBatchSplitter',
  'ErrorThresholdPlayground',
  'ScheduleExplorer',
  'BatchVsRealtime',
  'PipelineGraph',
] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
