// Names shared by the generated v1 and v2 code, and value formatting.

export const NAMES = {
  cluster: 'batch-cluster',
  environment: 'batch-scoring-env',
  entryScript: 'score.py',
  sourceDirectory: 'steps/score',
  stepName: 'score-items',
  experiment: 'batch-inference-lab',
  pipeline: 'batch-inference-lab',
  output: 'scores',
  tabularInput: { variable: 'applicants', dataset: 'credit-applicants' },
  fileInput: { variable: 'sensor_logs', dataset: 'sensor-logs' },
} as const;

/** A Python literal: numbers as they are, text in double quotes (JSON escapes are valid Python). */
export function pyValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(String(value));
}

/** A YAML scalar: numbers plain, text double-quoted so "1MB" or "10" stay strings. */
export function yamlValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(String(value));
}
