// Number formats of the pipeline widget.

/** Virtual seconds: "0 s", "24 s", "9 min 26 s". */
export function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Dollars with enough digits for sub-cent step costs. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

export const STEP_TYPE_LABEL = { python_script: 'PythonScriptStep', parallel_run: 'ParallelRunStep' } as const;
