/** The scenario layer's public API: load and validate scenarios, apply events, suggest names. */
export { loadScenario, scenarioFromObject, type LoadedScenario, type LoadOptions } from './load.js';
export { validateScenarioObject } from './check.js';
export { applyEvent, FIXED_FOR_RUN } from './events.js';
export { setPath, getPath, parsePath, resolveParamPath } from './paths.js';
export { ScenarioError, formatIssue, type ScenarioIssue } from './issues.js';
export { suggest, didYouMean, editDistance } from './suggest.js';
export { parameterReference, parameterRows, type ParameterRow, type ReferenceFormat } from './reference.js';
