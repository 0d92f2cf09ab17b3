// Model side of the simulator: training, evaluation and the ONNX entry script.
// The protobufjs exporter (./export-onnx) is deliberately left out of this
// barrel so browser bundles never include protobufjs.
export { auc, confusionMatrix, youdenThreshold, type ConfusionMatrix } from './metrics';
export { scoreLogisticReference, type LogisticModel } from './logistic-model';
export { standardisation, trainLogisticRegression, type TrainOptions } from './train-logistic';
export { loadOrt, sharingSessions, type OrtModule, type OrtSource } from './ort-loader';
export { createOnnxEntryScript, type OnnxEntryScriptOptions, type ScoredRow } from './onnx-entry-script';
export type { CreditRiskModelMetadata } from './model-metadata';
export { labelledRows, splitRowIndices, trainCreditRiskModel, type CreditRiskTraining, type LabelledRows } from './credit-risk-training';
export { readOnnxMetadata } from './onnx-metadata';
