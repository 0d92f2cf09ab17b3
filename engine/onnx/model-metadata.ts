// Shape of public/models/credit-risk.json, written next to the .onnx file so
// the UI can show what the model expects and how well it did without parsing protobuf.

export interface CreditRiskModelMetadata {
  name: string;
  /** Input columns in order. */
  features: string[];
  input: string;
  outputs: string[];
  /** Decision threshold (also stored in the .onnx metadata_props): score ≥ threshold means default. */
  threshold: number;
  /** Held-out AUC, computed by onnxruntime-web on the exported file. */
  auc: number;
  heldOutRows: number;
  trainingRows: number;
  trainingSeed: number;
  dataSeed: number;
  irVersion: number;
  opset: number;
  requires_gpu: boolean;
  standardization: { mean: number[]; std: number[] };
  weights: number[];
  bias: number;
  /** Held-out confusion counts at the threshold. */
  heldOutConfusion: { truePositives: number; falsePositives: number; trueNegatives: number; falseNegatives: number };
}
