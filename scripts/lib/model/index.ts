/** Health model loading from Custom Metadata record files; see loadModels.ts. */
export {
  DEFAULT_MODEL_DIR,
  formatProblem,
  loadDefaultModels,
  loadModelsFromMetadata,
  ModelLoadError,
  packageCustomMetadataDir
} from './loadModels';
export type { LoadedHealthModel, LoadModelsOptions, ModelLoadProblem } from './loadModels';
export { BandsSyntaxError, parseBands } from './bands';
