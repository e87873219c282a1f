// The landscape of a finished sweep (issue 19 point 6): pure functions of the results document and the search space.
export { axisOf, AXIS_BUCKETS, type Axis, type AxisBucket } from './axis.js';
export { boundaryNotes, EDGE, type BoundaryNote, type End } from './boundary.js';
export { batchRows, costPoints, type BatchRow, type CostPoint } from './cost.js';
export { curveNotes, CURVE_TRIALS, type CurveCheck, type CurveNote } from './curves.js';
export { IMPORTANCE_MIN_TRIALS, paramImportance, type ParamImportance } from './importance.js';
export { numericRange, scored, type LandscapeMetric, type NumericRange } from './trials.js';
