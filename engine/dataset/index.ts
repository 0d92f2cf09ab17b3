// Datasets for the simulator: CSV parsing with columnar storage, the synthetic
// credit-risk table and the sensor-file bundle with its entry script.
export { rowsToCsv, parseNumericCell, type CsvCell } from './csv';
export {
  attachFeatureMatrix,
  columnarRefOf,
  contiguousFeatureBlock,
  readFeatureRow,
  toFeatureNumber,
  type ColumnarRef,
  type FeatureMatrix,
} from './columnar';
export {
  evenFileStarts,
  fileName,
  fileOfRow,
  rowIdOf,
  rowRecord,
  rowSourceOf,
  tableDataset,
  tableItems,
  withRowFiles,
  type RowCell,
  type RowFiles,
} from './row-table';
export { creditRiskIds, creditRiskTableBuilder, generateCreditRiskTable, type CreditRiskTableBuilder } from './credit-risk-table';
export { buildTabularDataset, type TabularBuildOptions, type TabularRow } from './tabular-dataset';
export { parseCsvDataset, type ParseCsvOptions } from './parse-csv-dataset';
export {
  CREDIT_RISK_COLUMNS,
  CREDIT_RISK_FEATURES,
  CREDIT_RISK_FEATURE_NAMES,
  isValidFeatureRow,
  type FeatureRange,
  type FeatureSpec,
} from './credit-risk-schema';
export {
  creditRiskRowsToCsv,
  generateCreditRiskDataset,
  generateCreditRiskRows,
  type CreditRiskOptions,
  type CreditRiskRow,
} from './credit-risk-generator';
export {
  fileDatasetFromBundle,
  generateSensorFiles,
  SENSOR_COLUMNS,
  SENSOR_HEADER,
  type SensorFile,
  type SensorFileOptions,
} from './sensor-files';
export {
  createSensorEntryScript,
  parseSensorFile,
  VIBRATION_ALERT_MM_S,
  type SensorParseResult,
  type SensorSummary,
} from './sensor-entry-script';
