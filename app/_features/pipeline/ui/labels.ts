// Names the pipeline widget shows for engine values.

export const STEP_TYPE_LABEL = { python_script: 'PythonScriptStep', parallel_run: 'ParallelRunStep' } as const;
