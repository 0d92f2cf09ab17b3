// The chapter's batch-scoring pipeline as a plain object: ingest → preprocess
// → score (ParallelRunStep) → post-process → write output. A fresh copy each
// call, so a learner or a test can edit it freely.
import { DEFAULT_DATASTORE, SAMPLE_DATA_FOLDER } from './workspace';
import type { Pipeline } from './types';

/** Score cut-offs of the risk bands: low < 0.15 ≤ medium < 0.2887 (v2's threshold) ≤ high < 0.5 ≤ very_high. */
export const DEFAULT_BAND_THRESHOLDS = [0.15, 0.2887, 0.5];

export function chapterPipeline(): Pipeline {
  return {
    name: 'credit-risk-batch-scoring',
    description: 'Scores loan applicants in batch and summarises them into risk bands',
    default_compute: 'cpu-cluster',
    parameters: {
      input_path: { type: 'string', default: `${DEFAULT_DATASTORE}/${SAMPLE_DATA_FOLDER}`, description: 'Datastore folder with the applicant CSV files' },
      model_version: { type: 'string', default: 'latest', description: "Registered credit-risk version, or 'latest'" },
      node_count: { type: 'int', default: 2, description: 'Nodes for the scoring step' },
      mini_batch_size: { type: 'string', default: '16KB', description: 'Approximate bytes per run() call' },
    },
    steps: [
      {
        name: 'ingest',
        type: 'python_script',
        script: 'ingest.py',
        source: 'df = pd.concat(pd.read_csv(f) for f in glob(args.input + "/*.csv"))\ndf.to_csv(args.raw_data)',
        imports: ['pandas'],
        environment: 'scoring-env',
        inputs: ['{input_path}'],
        outputs: ['raw_data'],
      },
      {
        name: 'preprocess',
        type: 'python_script',
        script: 'preprocess.py',
        source: 'df = pd.read_csv(args.raw_data)\nok = df[FEATURES].apply(pd.to_numeric, errors="coerce").between(LOW, HIGH).all(axis=1)\ndf[ok].to_csv(args.clean_data)',
        imports: ['pandas', 'numpy'],
        environment: 'scoring-env',
        inputs: ['raw_data'],
        outputs: ['clean_data'],
      },
      {
        name: 'score',
        type: 'parallel_run',
        script: 'score.py',
        source: 'def init():\n    global sess\n    sess = ort.InferenceSession(Model.get_model_path("credit-risk"))\ndef run(mini_batch):\n    return score(sess, mini_batch)',
        imports: ['onnxruntime', 'numpy', 'pandas'],
        environment: 'scoring-env',
        inputs: ['clean_data'],
        outputs: ['scores'],
        model: { name: 'credit-risk', version: '{model_version}' },
        parallel_run_config: {
          mini_batch_size: '{mini_batch_size}',
          error_threshold: 10,
          output_action: 'append_row',
          append_row_file_name: 'scores.txt',
          node_count: '{node_count}',
          process_count_per_node: 1,
          run_invocation_timeout: 60,
          run_max_try: 3,
        },
      },
      {
        name: 'postprocess',
        type: 'python_script',
        script: 'postprocess.py',
        source: 'scores["band"] = pd.cut(scores.score, [0, *args.band_thresholds, 1], right=False, labels=BANDS)\nscores.groupby("band").agg(...).to_csv(args.risk_bands)',
        imports: ['pandas'],
        environment: 'scoring-env',
        inputs: ['scores', 'clean_data'],
        outputs: ['risk_bands'],
        arguments: { band_thresholds: [...DEFAULT_BAND_THRESHOLDS] },
      },
      {
        name: 'write-output',
        type: 'python_script',
        script: 'write_output.py',
        source: 'bands.to_csv(f"{args.output_path}/risk_bands.csv")\nscored.to_csv(f"{args.output_path}/scored_applicants.csv")',
        imports: ['pandas'],
        environment: 'scoring-env',
        inputs: ['risk_bands'],
        outputs: [],
        arguments: { output_path: `${DEFAULT_DATASTORE}/credit-risk/scored/{run-id}/` },
      },
    ],
  };
}
